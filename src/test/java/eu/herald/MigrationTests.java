package eu.herald;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Migrations live in one folder per module but share one numbering: V001, V002, … with no gap and no duplicate, so
 * that their order is the order they were written in.
 */
class MigrationTests {

    /**
     * Numbers assigned to modules built on other branches at the same time (V007: links). Remove a number from here
     * when its migration is merged: then the sequence must be complete again.
     */
    private static final List<Integer> ASSIGNED_ELSEWHERE = List.of(7);

    private static final Pattern NAME = Pattern.compile("V(\\d{3})__[a-z0-9_]+\\.sql");

    @Test
    void migrationsAreNumberedInOneSequenceWithoutGapsOrDuplicates() throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/**/*.sql");
        List<Integer> versions = new ArrayList<>();
        for (Resource file : files) {
            Matcher matcher = NAME.matcher(file.getFilename());
            assertThat(matcher.matches())
                    .as("%s is named V<nnn>__<words>.sql", file.getFilename())
                    .isTrue();
            versions.add(Integer.parseInt(matcher.group(1)));
        }
        assertThat(versions).doesNotContainAnyElementsOf(ASSIGNED_ELSEWHERE);
        versions.addAll(ASSIGNED_ELSEWHERE);
        versions.sort(null);
        assertThat(versions).isNotEmpty().doesNotHaveDuplicates();
        Integer[] expected = new Integer[versions.size()];
        Arrays.setAll(expected, i -> i + 1);
        assertThat(versions).containsExactly(expected);
    }

    @Test
    void eachMigrationSitsInItsModulesFolder() throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/*.sql");
        assertThat(files)
                .as("migrations directly under db/migration, outside a module folder")
                .isEmpty();
    }
}
