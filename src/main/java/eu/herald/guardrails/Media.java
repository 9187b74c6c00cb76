package eu.herald.guardrails;

import org.jspecify.annotations.Nullable;

/** An image or video attached to a draft, with what makes it accessible. */
public record Media(Kind kind, @Nullable String altText, boolean captionsOrTranscript) {

    public enum Kind {
        IMAGE,
        VIDEO
    }
}
