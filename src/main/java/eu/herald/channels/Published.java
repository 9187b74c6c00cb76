package eu.herald.channels;

import org.jspecify.annotations.Nullable;

/** A post as it now exists on the platform: its id there (for replies, reactions and metrics) and its public URL. */
public record Published(String externalId, @Nullable String url) {}
