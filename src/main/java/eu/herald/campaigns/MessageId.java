package eu.herald.campaigns;

import java.util.UUID;

/** Identifies a message. */
public record MessageId(UUID value) {

    public static MessageId of(String value) {
        return new MessageId(UUID.fromString(value));
    }

    public static MessageId random() {
        return new MessageId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
