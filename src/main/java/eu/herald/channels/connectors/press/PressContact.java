package eu.herald.channels.connectors.press;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A media contact on a press list. The list is kept as text, one contact a line: {@code name; email; kind} with kind
 * {@code TV} (local television), {@code TELETEXT} or {@code NEWSPAPER}.
 */
public record PressContact(String name, String email, Kind kind) {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s;,<>]+@[^@\\s;,<>]+\\.[^@\\s;,<>]+$");

    public enum Kind {
        TV,
        TELETEXT,
        NEWSPAPER
    }

    /** A line that is not a contact; {@code line} counts from 1, {@code problem} is a message-key suffix. */
    public static final class InvalidLine extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final int line;
        private final String problem;

        InvalidLine(int line, String problem) {
            super("line " + line + ": " + problem);
            this.line = line;
            this.problem = problem;
        }

        public int line() {
            return line;
        }

        /** {@code format}, {@code email}, {@code kind} or {@code empty}. */
        public String problem() {
            return problem;
        }
    }

    public static List<PressContact> parse(String text) {
        List<PressContact> contacts = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split(";");
            if (parts.length != 3 || parts[0].isBlank()) {
                throw new InvalidLine(i + 1, "format");
            }
            String email = parts[1].strip();
            if (!EMAIL.matcher(email).matches() || email.length() > 254) {
                throw new InvalidLine(i + 1, "email");
            }
            Kind kind;
            try {
                kind = Kind.valueOf(parts[2].strip().toUpperCase(Locale.ROOT).replace(' ', '_'));
            } catch (IllegalArgumentException e) {
                throw new InvalidLine(i + 1, "kind");
            }
            contacts.add(new PressContact(parts[0].strip(), email, kind));
        }
        if (contacts.isEmpty()) {
            throw new InvalidLine(1, "empty");
        }
        return contacts;
    }

    /** The list back as text, one contact a line. */
    public static String format(List<PressContact> contacts) {
        StringBuilder text = new StringBuilder();
        for (PressContact c : contacts) {
            text.append(c.name())
                    .append("; ")
                    .append(c.email())
                    .append("; ")
                    .append(c.kind())
                    .append('\n');
        }
        return text.toString().strip();
    }
}
