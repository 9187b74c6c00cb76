package eu.herald.channels;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A platform call did not succeed. Exactly one of three things is true, and callers act on which: try again later
 * ({@link Transient}), never try again ({@link Permanent}), or nobody knows whether the post exists
 * ({@link UnknownOutcome}: look it up with {@link ChannelGateway#find} before any retry).
 */
public abstract sealed class ConnectorException extends RuntimeException
        permits ConnectorException.Transient, ConnectorException.Permanent, ConnectorException.UnknownOutcome {

    private ConnectorException(String platformExplanation, @Nullable Throwable cause) {
        super(platformExplanation, cause);
    }

    /** The platform's own explanation (its error body), or what went wrong on the way; never a credential. */
    public String explanation() {
        return getMessage();
    }

    /** 5xx, 429, a local rate limit or a network fault before the request was sent: retry, not before the hint. */
    public static final class Transient extends ConnectorException {
        private final @Nullable Duration retryAfter;

        public Transient(String explanation, @Nullable Duration retryAfter, @Nullable Throwable cause) {
            super(explanation, cause);
            this.retryAfter = retryAfter;
        }

        /** The platform's {@code Retry-After} (or rate-limit reset), if it gave one. */
        public @Nullable Duration retryAfter() {
            return retryAfter;
        }
    }

    /** Validation refused, content rejected, or the credentials are revoked: retrying cannot help. */
    public static final class Permanent extends ConnectorException {
        private final boolean credentialsRejected;

        public Permanent(String explanation, boolean credentialsRejected, @Nullable Throwable cause) {
            super(explanation, cause);
            this.credentialsRejected = credentialsRejected;
        }

        /** Whether the platform refused the account's credentials (the account then needs reconnecting). */
        public boolean credentialsRejected() {
            return credentialsRejected;
        }
    }

    /** A timeout or reset after the request may have reached the platform, or an unreadable answer to it. */
    public static final class UnknownOutcome extends ConnectorException {
        public UnknownOutcome(String explanation, @Nullable Throwable cause) {
            super(explanation, cause);
        }
    }
}
