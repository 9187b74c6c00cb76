package eu.herald.audiences.domain;

import static org.assertj.core.api.Assertions.assertThat;

import eu.herald.common.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Reading official lists of municipalities: the 2020 dataset, a 2025 sample, and every way a file can be wrong. */
class AreaFileTests {

    /** Where CI has the shared datasets: beside the repository. */
    static final Path DATASET_2020 = Path.of("../shared/datasets/belgian-municipalities-2020.csv");

    static final String HEADER = "NIS_code,municipality_NL,municipality_FR,region_NL,zip\n";

    static byte[] dataset2020() {
        try {
            return Files.readAllBytes(DATASET_2020);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] sample2025() {
        try (InputStream in =
                AreaFileTests.class.getResourceAsStream("/eu/herald/audiences/municipalities-2025-sample.csv")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void readsThe581MunicipalitiesOf2020WithTheirLanguages() {
        AreaFile.Parsed parsed = AreaFile.parse(dataset2020());

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.areas()).hasSize(581);
        Map<String, AreaLine> byCode =
                parsed.areas().stream().collect(Collectors.toMap(AreaLine::nisCode, Function.identity()));
        AreaLine ixelles = byCode.get("21009");
        assertThat(ixelles.names()).containsEntry(Language.NL, "Elsene").containsEntry(Language.FR, "Ixelles");
        assertThat(ixelles.officialLanguages()).containsExactly(Language.NL, Language.FR);
        assertThat(ixelles.postcodes()).containsExactly("1050");
        assertThat(ixelles.line()).isEqualTo(1 + 1 + parsed.areas().indexOf(ixelles));
        assertThat(byCode.get("44021").officialLanguages()).containsExactly(Language.NL);
        assertThat(byCode.get("62063").officialLanguages()).containsExactly(Language.FR);
        assertThat(byCode.get("63023").officialLanguages()).containsExactly(Language.DE);
        assertThat(byCode.get("63040").names())
                .containsEntry(Language.DE, "Kelmis")
                .containsEntry(Language.FR, "La Calamine");
        assertThat(byCode.get("63012").names()).containsEntry(Language.DE, "Büllingen");

        Map<List<Language>, Long> languages = parsed.areas().stream()
                .collect(Collectors.groupingBy(AreaLine::officialLanguages, Collectors.counting()));
        assertThat(languages)
                .containsEntry(List.of(Language.NL, Language.FR), 19L)
                .containsEntry(List.of(Language.NL), 300L)
                .containsEntry(List.of(Language.FR), 253L)
                .containsEntry(List.of(Language.DE), 9L);
        assertThat(parsed.areas().stream().filter(a -> a.names().containsKey(Language.DE)))
                .as("German names for the German-speaking Community only")
                .hasSize(9);
    }

    @Test
    void readsTheSampleWithGermanNamesAndSeveralPostcodesPerCell() {
        AreaFile.Parsed parsed = AreaFile.parse(sample2025());

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.areas()).hasSize(11);
        AreaLine merged = parsed.areas().stream()
                .filter(a -> a.nisCode().equals("44088"))
                .findFirst()
                .orElseThrow();
        assertThat(merged.names()).containsEntry(Language.NL, "Merelbeke-Melle");
        assertThat(merged.postcodes()).containsExactly("9090", "9820");
        AreaLine anderlecht = parsed.areas().stream()
                .filter(a -> a.nisCode().equals("21001"))
                .findFirst()
                .orElseThrow();
        assertThat(anderlecht.names()).doesNotContainKey(Language.DE);
    }

    @Test
    void acceptsAByteOrderMarkSemicolonsAndWindowsLineEnds() {
        String file = HEADER.replace(',', ';').replace("\n", "\r\n")
                + "21009;\"Elsene\";\"Ixelles\";\"Brussels Hoofdstedelijk Gewest\";1050\r\n";
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] content = concat(bom, file.getBytes(StandardCharsets.UTF_8));

        AreaFile.Parsed parsed = AreaFile.parse(content);

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.areas()).singleElement().satisfies(a -> {
            assertThat(a.nisCode()).isEqualTo("21009");
            assertThat(a.line()).isEqualTo(2);
        });
    }

    @Test
    void refusesAnEmptyFileAndAHeaderWithoutMunicipalities() {
        assertThat(errors(new byte[0])).containsExactly("0 audiences.import.error.empty");
        assertThat(errors("\n  \n".getBytes(StandardCharsets.UTF_8))).containsExactly("0 audiences.import.error.empty");
        assertThat(errors(HEADER.getBytes(StandardCharsets.UTF_8))).containsExactly("1 audiences.import.error.noAreas");
    }

    @Test
    void refusesWrongColumnsOnTheHeaderLine() {
        String file = "code,name,zip\n21009,Ixelles,1050\n";

        AreaFile.Parsed parsed = AreaFile.parse(file.getBytes(StandardCharsets.UTF_8));

        assertThat(parsed.valid()).isFalse();
        assertThat(parsed.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(1);
            assertThat(error.messageKey()).isEqualTo("audiences.import.error.missingColumns");
            assertThat(error.arguments().getFirst())
                    .contains("NIS_code", "municipality_NL", "municipality_FR", "region_NL");
        });
        assertThat(errors("21009,Elsene,Ixelles,Brussels,1050\n".getBytes(StandardCharsets.UTF_8)))
                .as("a file without its header line")
                .containsExactly("1 audiences.import.error.missingColumns");
        assertThat(errors((HEADER.trim() + ",zip\n").getBytes(StandardCharsets.UTF_8)))
                .containsExactly("1 audiences.import.error.duplicateColumn");
    }

    @Test
    void reportsEveryBadLineWithItsNumber() {
        String file = HEADER
                + "2100,Elsene,Ixelles,Brussels Hoofdstedelijk Gewest,1050\n"
                + "44021,,Gand,Vlaams Gewest,9000\n"
                + "62063,Luik,Liège,Atlantis,4000\n"
                + "63023,Eupen,Eupen,Waals Gewest,470\n"
                + "44021,Gent,Gand,Waals Gewest,9000\n"
                + "11002,Antwerpen,Anvers,Vlaams Gewest\n"
                + "11001,Aartselaar,Aartselaar,Vlaams Gewest,2630\n"
                + "11001,Aartselaar,Aartselaar,Vlaams Gewest,2630\n";

        AreaFile.Parsed parsed = AreaFile.parse(file.getBytes(StandardCharsets.UTF_8));

        assertThat(parsed.areas()).as("nothing of a bad file is imported").isEmpty();
        assertThat(parsed.errors())
                .extracting(e -> e.line() + " " + e.messageKey() + " " + e.arguments())
                .containsExactly(
                        "2 audiences.import.error.nisCode [2100]",
                        "3 audiences.import.error.nameMissing [municipality_NL]",
                        "4 audiences.import.error.regionUnknown [Atlantis]",
                        "5 audiences.import.error.postcode [470]",
                        "6 audiences.import.error.regionMismatch [44021]",
                        "6 audiences.import.error.duplicate [44021, 3]",
                        "7 audiences.import.error.fieldCount [4, 5]",
                        "9 audiences.import.error.duplicate [11001, 8]");
    }

    @Test
    void aMunicipalityCountedTwiceIsReportedEvenWhenBothLinesAreValid() {
        String line = "21009,Elsene,Ixelles,Brussels Hoofdstedelijk Gewest,1050\n";
        assertThat(errors((HEADER + line + line).getBytes(StandardCharsets.UTF_8)))
                .containsExactly("3 audiences.import.error.duplicate");
    }

    @Test
    void refusesAFileSavedInLatin1WithTheLineThatIsNotUtf8() {
        String file = HEADER
                + "21009,Elsene,Ixelles,Brussels Hoofdstedelijk Gewest,1050\n"
                + "62063,Luik,Liège,Waals Gewest,4000\n";

        assertThat(errors(file.getBytes(Charset.forName("windows-1252"))))
                .containsExactly("3 audiences.import.error.notUtf8");
    }

    @Test
    void refusesUtf16AndUnclosedQuotes() {
        byte[] utf16 = (HEADER + "21009,Elsene,Ixelles,Brussels,1050\n").getBytes(StandardCharsets.UTF_16);
        assertThat(errors(utf16)).containsExactly("0 audiences.import.error.utf16");

        String unclosed = HEADER
                + "21009,Elsene,Ixelles,Brussels Hoofdstedelijk Gewest,1050\n"
                + "44021,\"Gent,Gand,Vlaams Gewest,9000\n";
        assertThat(errors(unclosed.getBytes(StandardCharsets.UTF_8)))
                .containsExactly("3 audiences.import.error.malformed");
    }

    @Test
    void understandsRegionsInEveryLanguageAndChecksThemAgainstTheNisCode() {
        assertThat(Region.parse("Région de Bruxelles-Capitale")).contains(Region.BRUSSELS);
        assertThat(Region.parse("  VLAAMS   gewest ")).contains(Region.FLANDERS);
        assertThat(Region.parse("Wallonische Region")).contains(Region.WALLONIA);
        assertThat(Region.parse("Luxembourg")).isEmpty();
        assertThat(Region.ofNisCode("21009")).contains(Region.BRUSSELS);
        assertThat(Region.ofNisCode("23106")).contains(Region.FLANDERS);
        assertThat(Region.ofNisCode("25005")).contains(Region.WALLONIA);
        assertThat(Region.ofNisCode("44088")).contains(Region.FLANDERS);
        assertThat(Region.ofNisCode("92094")).contains(Region.WALLONIA);
        assertThat(Region.WALLONIA.officialLanguages("63087")).containsExactly(Language.DE);
        assertThat(Region.WALLONIA.officialLanguages("63088")).containsExactly(Language.FR);
    }

    private static List<String> errors(byte[] content) {
        return AreaFile.parse(content).errors().stream()
                .map(e -> e.line() + " " + e.messageKey())
                .toList();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
