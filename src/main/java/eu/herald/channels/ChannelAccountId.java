package eu.herald.channels;

import java.util.UUID;

/** Identifies a connected channel account. */
public record ChannelAccountId(UUID value) {

    public static ChannelAccountId of(String value) {
        return new ChannelAccountId(UUID.fromString(value));
    }

    public static ChannelAccountId random() {
        return new ChannelAccountId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
