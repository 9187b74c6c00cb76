package eu.herald.audiences.domain;

import eu.herald.common.Language;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an official list of municipalities from CSV (UTF-8, with or without a byte order mark; comma, semicolon or
 * tab separated; a header line naming the columns) and checks every line. The columns are those of Statbel's lists
 * as compiled in the 2020 dataset — {@code NIS_code, municipality_NL, municipality_FR, region_NL} and/or
 * {@code region_FR}, {@code zip} — plus an optional {@code municipality_DE}; other columns are ignored. A postcode
 * cell may hold several postcodes separated by spaces or semicolons.
 */
public final class AreaFile {

    /**
     * Several times the size of Belgium's list (about 70 KB), and Spring's default limit of an uploaded file, so that
     * the page and the API accept the same files.
     */
    public static final int MAX_BYTES = 1024 * 1024;

    static final int MAX_LINES = 10_000;
    /** Errors kept for the report; the count goes on. */
    static final int MAX_ERRORS = 100;

    private static final Pattern NIS_CODE = Pattern.compile("[1-9]\\d{4}");
    private static final Pattern POSTCODE = Pattern.compile("[1-9]\\d{3}");
    private static final Pattern POSTCODE_SEPARATORS = Pattern.compile("[\\s,;|/]+");
    private static final int MAX_NAME = 100;

    /** The columns Herald reads, each with the header names it is known by. */
    enum Column {
        NIS("NIS_code", "nis_code", "nis", "niscode", "refnis", "cd_refnis", "nis_code_municipality"),
        NAME_NL("municipality_NL", "municipality_nl", "name_nl", "tx_descr_nl", "naam_nl"),
        NAME_FR("municipality_FR", "municipality_fr", "name_fr", "tx_descr_fr", "nom_fr"),
        NAME_DE("municipality_DE", "municipality_de", "name_de", "tx_descr_de"),
        REGION_NL("region_NL", "region_nl", "gewest", "tx_rgn_descr_nl"),
        REGION_FR("region_FR", "region_fr", "tx_rgn_descr_fr"),
        REGION("region", "region", "region_en", "region_de"),
        POSTCODES("zip", "zip", "postcode", "postcodes", "postal_code", "postal_codes", "cd_zip", "zip_codes");

        final String label;
        final List<String> aliases;

        Column(String label, String... aliases) {
            this.label = label;
            this.aliases = List.of(aliases);
        }

        boolean region() {
            return this == REGION_NL || this == REGION_FR || this == REGION;
        }
    }

    /** The lines read, or what is wrong: a file with any error is imported not at all. */
    public record Parsed(List<AreaLine> areas, List<LineError> errors, int errorCount) {

        public Parsed {
            areas = List.copyOf(areas);
            errors = List.copyOf(errors);
        }

        public boolean valid() {
            return errorCount == 0;
        }

        /** Errors found beyond those listed. */
        public int unlistedErrors() {
            return errorCount - errors.size();
        }
    }

    private final List<LineError> errors = new ArrayList<>();
    private int errorCount;

    private AreaFile() {}

    public static Parsed parse(byte[] content) {
        return new AreaFile().read(content);
    }

    private Parsed read(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            return fail(0, "tooLarge", MAX_BYTES / (1024 * 1024));
        }
        if (startsWith(bytes, 0xFE, 0xFF) || startsWith(bytes, 0xFF, 0xFE)) {
            return fail(0, "utf16");
        }
        int offset = startsWith(bytes, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        Optional<String> decoded = decode(bytes, offset);
        if (decoded.isEmpty()) {
            return done(List.of());
        }
        String text = decoded.get();
        if (text.isBlank()) {
            return fail(0, "empty");
        }
        return done(records(text));
    }

    /** Strict UTF-8: a file saved in Windows-1252 or Latin-1 is refused with the first line that is not UTF-8. */
    private Optional<String> decode(byte[] bytes, int offset) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int line = 1;
            for (int i = offset; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            error(line, "notUtf8");
            return Optional.empty();
        }
        decoder.flush(out);
        return Optional.of(out.flip().toString());
    }

    private List<AreaLine> records(String text) {
        Lines lines = new Lines(text);
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setDelimiter(delimiter(text))
                .setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(true)
                .setTrim(true)
                .get();
        List<AreaLine> areas = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        Map<Column, Integer> columns = null;
        List<String> header = List.of();
        int headerLine = 1;
        try (CSVParser parser = format.parse(new StringReader(text))) {
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                long before = parser.getCurrentLineNumber();
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    error(lines.firstFilledFrom((int) before + 1), "malformed");
                    return List.of();
                }
                int line = lines.lineAt(record.getCharacterPosition());
                if (columns == null) {
                    headerLine = line;
                    header = record.toList();
                    columns = columns(header, line);
                    if (columns == null) {
                        return List.of();
                    }
                    continue;
                }
                if (areas.size() + errorCount >= MAX_LINES) {
                    error(0, "tooManyLines", MAX_LINES);
                    return List.of();
                }
                area(record, line, columns, header, seen).ifPresent(areas::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string cannot fail", e);
        }
        if (columns != null && areas.isEmpty() && errorCount == 0) {
            error(headerLine, "noAreas");
        }
        return areas;
    }

    /** Which column holds what; null after reporting missing or doubled columns. */
    private Map<Column, Integer> columns(List<String> header, int line) {
        Map<Column, Integer> columns = new EnumMap<>(Column.class);
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i)
                    .replace("\uFEFF", "")
                    .trim()
                    .toLowerCase(Locale.ROOT)
                    .replaceAll("[\\s-]+", "_");
            for (Column column : Column.values()) {
                if (column.aliases.contains(name)) {
                    if (columns.putIfAbsent(column, i) != null) {
                        error(line, "duplicateColumn", header.get(i).trim());
                    }
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (Column required : List.of(Column.NIS, Column.NAME_NL, Column.NAME_FR, Column.POSTCODES)) {
            if (!columns.containsKey(required)) {
                missing.add(required.label);
            }
        }
        if (columns.keySet().stream().noneMatch(Column::region)) {
            missing.add(Column.REGION_NL.label + " / " + Column.REGION_FR.label);
        }
        if (!missing.isEmpty()) {
            error(line, "missingColumns", String.join(", ", missing));
        }
        return errorCount == 0 ? columns : null;
    }

    private Optional<AreaLine> area(
            CSVRecord record, int line, Map<Column, Integer> columns, List<String> header, Map<String, Integer> seen) {
        if (record.size() != header.size()) {
            error(line, "fieldCount", record.size(), header.size());
            return Optional.empty();
        }
        int errorsBefore = errorCount;
        String nisCode = record.get(columns.get(Column.NIS));
        boolean nisValid = NIS_CODE.matcher(nisCode).matches();
        if (!nisValid) {
            error(line, "nisCode", nisCode);
        }

        Map<Language, String> names = new EnumMap<>(Language.class);
        name(record, line, columns, header, Column.NAME_NL, Language.NL, true, names);
        name(record, line, columns, header, Column.NAME_FR, Language.FR, true, names);
        name(record, line, columns, header, Column.NAME_DE, Language.DE, false, names);

        Region region = region(record, line, columns, header);
        if (region != null && nisValid) {
            Region byCode = Region.ofNisCode(nisCode).orElse(null);
            if (byCode != region) {
                error(line, "regionMismatch", nisCode);
            }
        }

        List<String> postcodes = postcodes(record.get(columns.get(Column.POSTCODES)), line);

        if (nisValid) {
            Integer first = seen.putIfAbsent(nisCode, line);
            if (first != null) {
                error(line, "duplicate", nisCode, first);
            }
        }
        if (errorCount > errorsBefore) {
            return Optional.empty();
        }
        if (!names.containsKey(Language.DE)) {
            GermanSpeakingCommunity.germanName(nisCode).ifPresent(german -> names.put(Language.DE, german));
        }
        return Optional.of(new AreaLine(line, nisCode, names, postcodes, region));
    }

    private void name(
            CSVRecord record,
            int line,
            Map<Column, Integer> columns,
            List<String> header,
            Column column,
            Language language,
            boolean required,
            Map<Language, String> names) {
        Integer index = columns.get(column);
        String name = index == null ? "" : record.get(index);
        if (name.isEmpty()) {
            if (required) {
                error(line, "nameMissing", header.get(index).trim());
            }
        } else if (name.length() > MAX_NAME) {
            error(line, "nameTooLong", header.get(index).trim(), MAX_NAME);
        } else {
            names.put(language, name);
        }
    }

    private Region region(CSVRecord record, int line, Map<Column, Integer> columns, List<String> header) {
        Region found = null;
        String foundLabel = null;
        for (Column column : List.of(Column.REGION_NL, Column.REGION_FR, Column.REGION)) {
            Integer index = columns.get(column);
            if (index == null) {
                continue;
            }
            String label = record.get(index);
            if (label.isEmpty()) {
                error(line, "regionMissing", header.get(index).trim());
                return null;
            }
            Optional<Region> region = Region.parse(label);
            if (region.isEmpty()) {
                error(line, "regionUnknown", label);
                return null;
            }
            if (found != null && found != region.get()) {
                error(line, "regionConflict", foundLabel, label);
                return null;
            }
            found = region.get();
            foundLabel = label;
        }
        return found;
    }

    private List<String> postcodes(String cell, int line) {
        if (cell.isBlank()) {
            error(line, "postcodeMissing");
            return List.of();
        }
        List<String> postcodes = new ArrayList<>();
        for (String postcode : POSTCODE_SEPARATORS.split(cell.trim())) {
            if (!POSTCODE.matcher(postcode).matches()) {
                error(line, "postcode", postcode);
            } else if (!postcodes.contains(postcode)) {
                postcodes.add(postcode);
            }
        }
        postcodes.sort(null);
        return postcodes;
    }

    /** The separator the header line uses most: comma, semicolon (Excel in Belgium) or tab. */
    private static char delimiter(String text) {
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        Map<Character, Long> counts = new LinkedHashMap<>();
        for (char candidate : new char[] {',', ';', '\t'}) {
            counts.put(candidate, first.chars().filter(c -> c == candidate).count());
        }
        return counts.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .filter(e -> e.getValue() > 0)
                .map(Map.Entry::getKey)
                .orElse(',');
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private void error(int line, String key, Object... arguments) {
        errorCount++;
        if (errors.size() < MAX_ERRORS) {
            errors.add(LineError.of(line, key, arguments));
        }
    }

    private Parsed fail(int line, String key, Object... arguments) {
        error(line, key, arguments);
        return done(List.of());
    }

    private Parsed done(List<AreaLine> areas) {
        return new Parsed(errorCount == 0 ? areas : List.of(), errors, errorCount);
    }

    /** Line numbers of character positions, as a text editor counts them (from 1). */
    private static final class Lines {
        private final String text;
        private final int[] starts;

        Lines(String text) {
            this.text = text;
            List<Integer> starts = new ArrayList<>(List.of(0));
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    starts.add(i + 1);
                }
            }
            this.starts = starts.stream().mapToInt(Integer::intValue).toArray();
        }

        /** The line of a record starting at {@code position}; empty lines skipped before it do not count. */
        int lineAt(long position) {
            int index = Arrays.binarySearch(starts, (int) position);
            int line = index >= 0 ? index + 1 : -index - 1;
            return firstFilledFrom(line);
        }

        int firstFilledFrom(int line) {
            int current = Math.max(1, line);
            while (current < starts.length && content(current).isBlank()) {
                current++;
            }
            return current;
        }

        private String content(int line) {
            int start = starts[line - 1];
            int end = line < starts.length ? starts[line] : text.length();
            return text.substring(start, end);
        }
    }
}
