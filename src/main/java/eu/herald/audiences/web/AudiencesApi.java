package eu.herald.audiences.web;

import eu.herald.accounts.OrganisationId;
import eu.herald.audiences.AudienceId;
import eu.herald.audiences.Recommendation;
import eu.herald.audiences.domain.AreaChange;
import eu.herald.audiences.domain.AreaDirectory;
import eu.herald.audiences.domain.AreaFile;
import eu.herald.audiences.domain.AreaImporter;
import eu.herald.audiences.domain.AudienceCatalogue;
import eu.herald.audiences.domain.AudienceEntry;
import eu.herald.audiences.domain.ChannelMatrix;
import eu.herald.audiences.domain.ImportReport;
import eu.herald.audiences.domain.LanguageRules;
import eu.herald.audiences.domain.StoredArea;
import eu.herald.common.Language;
import eu.herald.common.NotFoundException;
import eu.herald.common.RefusedException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audiences part of the REST API: catalogue, areas, channel advice, language rules and the area import. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Audiences", description = "Target audiences, areas, channel advice and language rules")
class AudiencesApi {

    record AudienceJson(UUID id, String key, String name, Map<String, String> names, boolean active) {}

    record AreaJson(
            String nisCode,
            String name,
            Map<String, String> names,
            List<String> postcodes,
            List<String> officialLanguages,
            String region,
            boolean retired) {}

    record AdviceRequest(
            @NotEmpty(message = "{audiences.advice.audiencesRequired}") @Size(max = 50, message = "{form.tooLong}")
            List<UUID> audiences) {}

    record RecommendationJson(String channel, String channelName, String suitability, List<String> reasons) {}

    record LanguageRulesJson(
            List<AreaLanguagesJson> areas,
            List<String> unknownAreas,
            List<String> organisationLanguages,
            List<String> requiredLanguages) {}

    record AreaLanguagesJson(String nisCode, String name, List<String> officialLanguages, boolean retired) {}

    record ChangeJson(
            String nisCode,
            String name,
            @Nullable String namesBefore,
            @Nullable String namesAfter,
            @Nullable List<String> postcodesBefore,
            @Nullable List<String> postcodesAfter,
            @Nullable List<String> languagesBefore,
            @Nullable List<String> languagesAfter) {}

    record ImportJson(
            boolean applied,
            @Nullable UUID importId,
            long revision,
            Map<String, Integer> counts,
            Map<String, List<ChangeJson>> changes) {}

    private final AudienceCatalogue catalogue;
    private final AreaDirectory areas;
    private final ChannelMatrix matrix;
    private final LanguageRules languageRules;
    private final AreaImporter importer;
    private final MessageSource messages;
    private final LineErrors lineErrors;

    AudiencesApi(
            AudienceCatalogue catalogue,
            AreaDirectory areas,
            ChannelMatrix matrix,
            LanguageRules languageRules,
            AreaImporter importer,
            MessageSource messages,
            LineErrors lineErrors) {
        this.catalogue = catalogue;
        this.areas = areas;
        this.matrix = matrix;
        this.languageRules = languageRules;
        this.importer = importer;
        this.messages = messages;
        this.lineErrors = lineErrors;
    }

    @GetMapping("/audiences")
    @Operation(summary = "The active target audiences, in catalogue order, named in every language")
    List<AudienceJson> audiences() {
        Language language = language();
        return catalogue.active().stream().map(a -> json(a, language)).toList();
    }

    @GetMapping("/areas")
    @Operation(
            summary = "Search current municipalities by name (any language, accents ignored), NIS code or postcode",
            description = "Without q, the current municipalities by name. Retired ones are found by code only.")
    List<AreaJson> searchAreas(
            @RequestParam(defaultValue = "") String q,
            @Parameter(description = "at most 1000") @RequestParam(defaultValue = "50") int limit) {
        Language language = language();
        return areas.search(q, limit, language).stream()
                .map(a -> json(a, language))
                .toList();
    }

    @GetMapping("/areas/{nisCode}")
    @Operation(summary = "A municipality by NIS code, retired ones included (retired: true)")
    AreaJson area(@PathVariable String nisCode) {
        return areas.find(nisCode).map(a -> json(a, language())).orElseThrow(() -> new NotFoundException("area"));
    }

    @PostMapping("/channel-advice")
    @Operation(
            summary = "Channel advice for the chosen audiences",
            description = "Every channel with how well it reaches the audiences (GOOD, LIMITED, POOR: the best of"
                    + " the audiences) and why, per audience, in the language of Accept-Language; best first.")
    List<RecommendationJson> advice(@Valid @RequestBody AdviceRequest request) {
        List<AudienceId> ids =
                request.audiences().stream().map(AudienceId::new).distinct().toList();
        Set<AudienceId> known =
                catalogue.all().stream().map(AudienceEntry::id).collect(java.util.stream.Collectors.toSet());
        List<String> unknown = ids.stream()
                .filter(id -> !known.contains(id))
                .map(AudienceId::toString)
                .toList();
        if (!unknown.isEmpty()) {
            throw new RefusedException("audiences.advice.unknownAudience", String.join(", ", unknown));
        }
        Language language = language();
        return matrix.recommend(ids, language).stream()
                .map(r -> json(r, language))
                .toList();
    }

    @GetMapping("/language-rules")
    @Operation(
            summary = "The languages a message for these areas must exist in",
            description = "The union of the areas' official languages (Brussels: nl and fr; Flanders: nl; Wallonia:"
                    + " fr; the German-speaking Community: de) and the languages the organisation adds. Without a"
                    + " known area, the organisation's own official languages count.")
    LanguageRulesJson languageRules(
            @Parameter(description = "NIS codes separated by commas, e.g. 21009,44021") @RequestParam(defaultValue = "")
                    String areas,
            @RequestParam(required = false) @Nullable String organisationId) {
        List<String> codes = Arrays.stream(areas.split("[,\\s]+"))
                .map(String::trim)
                .filter(code -> !code.isEmpty())
                .distinct()
                .toList();
        OrganisationId organisation = null;
        List<String> extras = List.of();
        if (organisationId != null && !organisationId.isBlank()) {
            organisation = Ids.organisation(organisationId);
            extras = languageRules.extraLanguages(organisation).stream()
                    .map(Language::code)
                    .toList();
        }
        Language language = language();
        List<StoredArea> found = this.areas.findAll(codes);
        List<String> foundCodes = found.stream().map(StoredArea::nisCode).toList();
        return new LanguageRulesJson(
                found.stream()
                        .map(a -> new AreaLanguagesJson(
                                a.nisCode(), a.name(language), codes(a.officialLanguages()), a.retired()))
                        .toList(),
                codes.stream().filter(code -> !foundCodes.contains(code)).toList(),
                extras,
                codes(List.copyOf(languageRules.required(codes, organisation))));
    }

    @PostMapping(
            value = "/admin/areas/import",
            consumes = {"text/csv", "text/plain", "application/octet-stream"})
    @Operation(
            summary = "Check (and with apply=true apply) an official list of municipalities, as CSV (ADMIN)",
            description = "Columns: NIS_code, municipality_NL, municipality_FR, optional municipality_DE, region_NL"
                    + " and/or region_FR, zip (several postcodes separated by spaces). UTF-8. Without apply, nothing"
                    + " changes: the answer is the report of what would, with the list's revision. With apply=true"
                    + " (and optionally revision=<the report's>), the list is applied in one transaction. A file"
                    + " with any error is refused with 422 and line-numbered errors, and nothing changes.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "text/csv")))
    ResponseEntity<?> importAreas(
            @RequestBody(required = false) byte @Nullable [] content,
            @RequestParam(defaultValue = "false") boolean apply,
            @RequestParam(required = false) @Nullable Long revision,
            @RequestHeader(name = "X-File-Name", required = false) @Nullable String fileName) {
        String name = fileName == null ? "api-upload.csv" : fileName;
        byte[] file = content == null ? new byte[0] : content;
        if (!apply) {
            AreaImporter.Checked checked = importer.check(file);
            if (!checked.valid()) {
                return refused(checked.parsed());
            }
            return ResponseEntity.ok(json(false, null, checked.revision(), checked.report()));
        }
        AreaImporter.Outcome outcome = importer.importNow(name, file, revision);
        if (outcome.applied() == null) {
            return refused(outcome.checked().parsed());
        }
        AreaImporter.Applied applied = outcome.applied();
        return ResponseEntity.ok(json(true, applied.id(), applied.revision(), applied.report()));
    }

    private ResponseEntity<ProblemDetail> refused(AreaFile.Parsed parsed) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        problem.setType(URI.create("https://herald.eu/problems/area-file"));
        problem.setTitle(messages.getMessage("audiences.import.problem.title", null, locale));
        problem.setDetail(
                messages.getMessage("audiences.import.problem.detail", new Object[] {parsed.errorCount()}, locale));
        problem.setProperty(
                "errors",
                parsed.errors().stream()
                        .map(error -> Map.of("line", error.line(), "message", lineErrors.message(error, locale)))
                        .toList());
        return ResponseEntity.unprocessableContent().body(problem);
    }

    private static ImportJson json(boolean applied, @Nullable UUID id, long revision, @Nullable ImportReport report) {
        Language language = Language.of(LocaleContextHolder.getLocale());
        Map<String, List<ChangeJson>> changes = new LinkedHashMap<>();
        if (report != null) {
            changes.put("added", changes(report.added(), language));
            changes.put("renamed", changes(report.renamed(), language));
            changes.put("postcodesChanged", changes(report.postcodesChanged(), language));
            changes.put("languagesChanged", changes(report.languagesChanged(), language));
            changes.put("retired", changes(report.retired(), language));
            changes.put("reinstated", changes(report.reinstated(), language));
        }
        return new ImportJson(applied, id, revision, report == null ? Map.of() : report.counts(), changes);
    }

    private static List<ChangeJson> changes(List<AreaChange> changes, Language language) {
        return changes.stream()
                .map(c -> new ChangeJson(
                        c.nisCode(),
                        c.name(language),
                        c.before() == null ? null : c.namesBefore(),
                        c.after() == null ? null : c.namesAfter(),
                        c.before() == null ? null : c.postcodesBefore(),
                        c.after() == null ? null : c.postcodesAfter(),
                        c.before() == null ? null : codes(c.languagesBefore()),
                        c.after() == null ? null : codes(c.languagesAfter())))
                .toList();
    }

    private static AudienceJson json(AudienceEntry a, Language language) {
        Map<String, String> names = new LinkedHashMap<>();
        a.names().forEach((l, name) -> names.put(l.code(), name));
        return new AudienceJson(a.id().value(), a.key(), a.name(language), names, a.active());
    }

    private static AreaJson json(StoredArea a, Language language) {
        Map<String, String> names = new LinkedHashMap<>();
        a.names().forEach((l, name) -> names.put(l.code(), name));
        return new AreaJson(
                a.nisCode(),
                a.name(language),
                names,
                a.postcodes(),
                codes(a.officialLanguages()),
                a.region().name(),
                a.retired());
    }

    private RecommendationJson json(Recommendation r, Language language) {
        return new RecommendationJson(
                r.channel().code(),
                messages.getMessage("channel." + r.channel().name(), null, language.locale()),
                r.suitability().name(),
                r.reasons());
    }

    private static List<String> codes(List<Language> languages) {
        return languages.stream().map(Language::code).toList();
    }

    private static Language language() {
        return Language.of(LocaleContextHolder.getLocale());
    }
}
