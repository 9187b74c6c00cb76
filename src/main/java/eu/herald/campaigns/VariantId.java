package eu.herald.campaigns;

import java.util.UUID;

/** Identifies a variant. */
public record VariantId(UUID value) {

    public static VariantId of(String value) {
        return new VariantId(UUID.fromString(value));
    }

    public static VariantId random() {
        return new VariantId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
