package eu.herald.partners.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.herald.partners.domain.Registrant;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class RegistrantsCsvTests {

    @Test
    void neutralisesEveryCellASpreadsheetWouldEvaluate() {
        for (String cell : List.of("=1+1", "+32 2 123", "-2+3", "@SUM(A1)", "\tx", "\rx")) {
            assertThat(RegistrantsCsv.neutralised(cell)).isEqualTo("'" + cell);
        }
        assertThat(RegistrantsCsv.neutralised("Anne-Marie =1")).isEqualTo("Anne-Marie =1");
        assertThat(RegistrantsCsv.neutralised("")).isEmpty();
    }

    @Test
    void quotesCommasQuotesAndLineBreaksAndParsesBack() throws Exception {
        Registrant tricky = new Registrant(
                UUID.randomUUID(),
                "De Smet, \"Jef\"\nline two",
                List.of(
                        new Registrant.Affiliation("BIN; Gent", "Stad Gent"),
                        new Registrant.Affiliation("=x", "Stad Gent")),
                Instant.parse("2026-12-01T17:30:00Z"));
        String csv = RegistrantsCsv.write(
                List.of("Name", "Group", "Organisation", "Registered", "Signature"), List.of(tricky));
        assertThat(csv).startsWith("\uFEFF").contains("\r\n");
        List<CSVRecord> records =
                CSVFormat.RFC4180.parse(new StringReader(csv.substring(1))).getRecords();
        assertThat(records).hasSize(2);
        assertThat(records.get(1).values())
                .containsExactly("De Smet, \"Jef\"\nline two", "BIN; Gent; =x", "Stad Gent", "01/12/2026 18:30", "");
    }
}
