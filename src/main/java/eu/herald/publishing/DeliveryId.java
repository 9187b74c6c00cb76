package eu.herald.publishing;

import java.util.UUID;

/** Identifies a delivery: one variant on one channel account at one time. */
public record DeliveryId(UUID value) {

    public static DeliveryId of(String value) {
        return new DeliveryId(UUID.fromString(value));
    }

    public static DeliveryId random() {
        return new DeliveryId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
