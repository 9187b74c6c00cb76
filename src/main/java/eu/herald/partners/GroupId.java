package eu.herald.partners;

import java.util.UUID;

/** Identifies a partner group. */
public record GroupId(UUID value) {

    public static GroupId of(String value) {
        return new GroupId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
