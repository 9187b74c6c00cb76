package eu.herald.partners.web;

import eu.herald.partners.domain.Registrant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.commons.csv.CSVFormat;

/**
 * An event's registrants as an attendance list in CSV (RFC 4180 with Apache Commons CSV: comma, CRLF, quotes where
 * needed), UTF-8 with a byte-order mark so spreadsheet programs read the accents. A cell a spreadsheet would take for a
 * formula (starting with = + - @, a tab or a carriage return) gets a leading apostrophe.
 */
final class RegistrantsCsv {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private static final CSVFormat FORMAT = CSVFormat.RFC4180;

    private RegistrantsCsv() {}

    /** The file: a header row in the reader's language, then one row per registrant and an empty column to sign. */
    static String write(List<String> header, List<Registrant> registrants) {
        StringBuilder out = new StringBuilder("\uFEFF");
        out.append(FORMAT.format(
                        header.stream().map(RegistrantsCsv::neutralised).toArray()))
                .append(FORMAT.getRecordSeparator());
        for (Registrant registrant : registrants) {
            out.append(FORMAT.format(
                            neutralised(registrant.name()),
                            neutralised(registrant.groups()),
                            neutralised(registrant.organisations()),
                            registrant.localRegisteredAt().format(WHEN),
                            ""))
                    .append(FORMAT.getRecordSeparator());
        }
        return out.toString();
    }

    /** The cell as text a spreadsheet will not evaluate (OWASP "CSV injection"). */
    static String neutralised(String cell) {
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            return "'" + cell;
        }
        return cell;
    }
}
