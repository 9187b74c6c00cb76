package eu.herald.common;

/**
 * A request refused for a reason the user can act on. The message is a message-bundle key, so the
 * user reads it in their language.
 */
public class RefusedException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;

    public RefusedException(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    /** Extra facts for API callers (added to the Problem Details), e.g. the conflicting items. */
    public java.util.Map<String, Object> details() {
        return java.util.Map.of();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
