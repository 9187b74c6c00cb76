package eu.herald.audiences;

import java.util.UUID;

/** Identifies a target audience. */
public record AudienceId(UUID value) {

    public static AudienceId of(String value) {
        return new AudienceId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
