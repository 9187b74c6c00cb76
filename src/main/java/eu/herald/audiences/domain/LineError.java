package eu.herald.audiences.domain;

import java.util.List;

/**
 * What is wrong with one line of an imported file (line 0: the file as a whole), as a message key with its
 * arguments, so that each reader sees it in their language.
 */
public record LineError(int line, String messageKey, List<String> arguments) {

    public LineError {
        arguments = List.copyOf(arguments);
    }

    static LineError of(int line, String key, Object... arguments) {
        return new LineError(
                line,
                "audiences.import.error." + key,
                java.util.Arrays.stream(arguments).map(String::valueOf).toList());
    }
}
