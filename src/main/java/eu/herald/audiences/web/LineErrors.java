package eu.herald.audiences.web;

import eu.herald.audiences.domain.LineError;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** An imported file's errors in the reader's language: "Line 12: …". */
@Component
class LineErrors {

    private final MessageSource messages;

    LineErrors(MessageSource messages) {
        this.messages = messages;
    }

    String message(LineError error, Locale locale) {
        return messages.getMessage(error.messageKey(), error.arguments().toArray(), locale);
    }

    /** Each error with its line ("Line 12: …"), or alone when it is about the whole file. */
    List<String> describe(List<LineError> errors, Locale locale) {
        return errors.stream()
                .map(error -> error.line() > 0
                        ? messages.getMessage(
                                "audiences.import.line", new Object[] {error.line(), message(error, locale)}, locale)
                        : message(error, locale))
                .toList();
    }
}
