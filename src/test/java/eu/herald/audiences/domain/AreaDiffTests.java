package eu.herald.audiences.domain;

import static org.assertj.core.api.Assertions.assertThat;

import eu.herald.common.Language;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a new official list changes: the report shown before anything is applied. */
class AreaDiffTests {

    static final List<AreaLine> LIST_2020 =
            AreaFile.parse(AreaFileTests.dataset2020()).areas();
    static final List<AreaLine> SAMPLE_2025 =
            AreaFile.parse(AreaFileTests.sample2025()).areas();

    @Test
    void the2020ListOnAnEmptyTableAddsEveryMunicipality() {
        AreaDiff diff = AreaDiff.between(List.of(), LIST_2020);

        assertThat(diff.report().counts())
                .containsEntry("areasInFile", 581)
                .containsEntry("added", 581)
                .containsEntry("renamed", 0)
                .containsEntry("postcodesChanged", 0)
                .containsEntry("retired", 0)
                .containsEntry("unchanged", 0);
        assertThat(diff.inserts()).hasSize(581);
        assertThat(diff.updates()).isEmpty();
        assertThat(diff.retirements()).isEmpty();
    }

    @Test
    void the2020ListAgainstItselfChangesNothing() {
        List<StoredArea> current = LIST_2020.stream().map(StoredArea::of).toList();

        AreaDiff diff = AreaDiff.between(current, LIST_2020);

        assertThat(diff.report().changesNothing()).isTrue();
        assertThat(diff.report().unchanged()).isEqualTo(581);
    }

    @Test
    void theSampleOf2025ShowsTheMergerRenamesPostcodesAndRetirements() {
        List<StoredArea> current = LIST_2020.stream().map(StoredArea::of).toList();

        ImportReport report = AreaDiff.between(current, SAMPLE_2025).report();

        assertThat(report.added()).extracting(AreaChange::nisCode).containsExactly("44086", "44087", "44088");
        assertThat(report.added().getLast().name(Language.NL)).isEqualTo("Merelbeke-Melle");
        assertThat(report.retired())
                .extracting(AreaChange::nisCode)
                .contains("44040", "44043", "44012", "44048", "44034", "44073")
                .doesNotContain("21009", "44021", "63023")
                .hasSize(581 - 8);
        AreaChange melle = report.retired().stream()
                .filter(c -> c.nisCode().equals("44040"))
                .findFirst()
                .orElseThrow();
        assertThat(melle.namesBefore()).isEqualTo("Melle");
        assertThat(report.renamed())
                .extracting(AreaChange::nisCode)
                .containsExactly("11002", "21004", "21009", "44021", "62063");
        AreaChange liege = report.renamed().stream()
                .filter(c -> c.nisCode().equals("62063"))
                .findFirst()
                .orElseThrow();
        assertThat(liege.namesBefore()).isEqualTo("Luik / Liège");
        assertThat(liege.namesAfter()).isEqualTo("Luik / Liège / Lüttich");
        assertThat(report.postcodesChanged())
                .extracting(AreaChange::nisCode)
                .containsExactly("44021", "62063", "63023", "63040");
        AreaChange eupen = report.postcodesChanged().stream()
                .filter(c -> c.nisCode().equals("63023"))
                .findFirst()
                .orElseThrow();
        assertThat(eupen.postcodesBefore()).containsExactly("4700");
        assertThat(eupen.postcodesAfter()).containsExactly("4700", "4701");
        assertThat(report.languagesChanged()).isEmpty();
        assertThat(report.reinstated()).isEmpty();
        assertThat(report.unchanged()).as("Anderlecht").isEqualTo(1);
    }

    @Test
    void aRetiredAreaBackOnTheListIsReinstatedAndAnAlreadyRetiredOneIsNotRetiredAgain() {
        StoredArea melle = new StoredArea(
                "44040",
                Map.of(Language.NL, "Melle", Language.FR, "Melle"),
                List.of("9090"),
                List.of(Language.NL),
                Region.FLANDERS,
                Instant.parse("2025-01-01T00:00:00Z"));
        StoredArea merelbeke = new StoredArea(
                "44043",
                Map.of(Language.NL, "Merelbeke", Language.FR, "Merelbeke"),
                List.of("9820"),
                List.of(Language.NL),
                Region.FLANDERS,
                Instant.parse("2025-01-01T00:00:00Z"));
        AreaLine melleAgain = LIST_2020.stream()
                .filter(a -> a.nisCode().equals("44040"))
                .findFirst()
                .orElseThrow();

        AreaDiff diff = AreaDiff.between(List.of(melle, merelbeke), List.of(melleAgain));

        assertThat(diff.report().reinstated()).extracting(AreaChange::nisCode).containsExactly("44040");
        assertThat(diff.report().retired()).isEmpty();
        assertThat(diff.updates()).extracting(StoredArea::nisCode).containsExactly("44040");
    }

    @Test
    void aRegionChangeShowsAsOtherOfficialLanguages() {
        StoredArea before = new StoredArea(
                "63023",
                Map.of(Language.NL, "Eupen", Language.FR, "Eupen", Language.DE, "Eupen"),
                List.of("4700"),
                List.of(Language.FR),
                Region.WALLONIA,
                null);
        AreaLine after = LIST_2020.stream()
                .filter(a -> a.nisCode().equals("63023"))
                .findFirst()
                .orElseThrow();

        ImportReport report = AreaDiff.between(List.of(before), List.of(after)).report();

        assertThat(report.languagesChanged()).singleElement().satisfies(change -> {
            assertThat(change.languagesBefore()).containsExactly(Language.FR);
            assertThat(change.languagesAfter()).containsExactly(Language.DE);
        });
    }
}
