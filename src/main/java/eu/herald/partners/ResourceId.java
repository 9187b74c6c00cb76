package eu.herald.partners;

import java.util.UUID;

/** Identifies a toolbox resource. */
public record ResourceId(UUID value) {

    public static ResourceId of(String value) {
        return new ResourceId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
