package eu.herald.channels.domain;

import eu.herald.common.RefusedException;
import java.util.Map;

/** The platform did not accept the settings: nothing was saved; its own explanation is shown. */
public class CheckFailedException extends RefusedException {

    private static final long serialVersionUID = 1L;

    private final String explanation;

    CheckFailedException(String explanation) {
        super("channels.check.failed", explanation);
        this.explanation = explanation;
    }

    public String explanation() {
        return explanation;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("explanation", explanation);
    }
}
