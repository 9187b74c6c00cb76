package eu.herald.inbox.triage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import eu.herald.common.Channel;
import eu.herald.common.Language;
import eu.herald.inbox.Category;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Triage on the REST API: classify a text, record a correction, list and train model versions. */
@RestController
@RequestMapping("/api/v1/inbox/triage")
@Tag(name = "Inbox triage", description = "Sort a reaction into a category, emergencies first")
class TriageApi {

    static final int MAX_TEXT = 5000;
    private static final String CHANNELS =
            "(?i)x|mastodon|bluesky|facebook|instagram|youtube|telegram|whatsapp|email|website|poster|press";
    private static final String CATEGORIES = "EMERGENCY|TIP|QUESTION|COMPLAINT|PRAISE|ABUSE|SPAM|OTHER";

    record TriageRequest(
            @NotBlank(message = "{triage.text.required}") @Size(max = MAX_TEXT, message = "{triage.text.tooLong}")
            String text,

            @Nullable @Pattern(regexp = CHANNELS, message = "{triage.channel.invalid}")
            String channel) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record VerdictJson(
            String category,
            double confidence,
            String language,
            boolean needsHuman,
            @Nullable String autoReply,
            int modelVersion) {}

    record CorrectionRequest(
            @NotBlank(message = "{triage.text.required}") @Size(max = MAX_TEXT, message = "{triage.text.tooLong}")
            String text,

            @NotBlank(message = "{triage.language.invalid}")
            @Pattern(regexp = "nl|fr|de|en", message = "{triage.language.invalid}")
            String language,

            @NotBlank(message = "{triage.category.invalid}")
            @Pattern(regexp = CATEGORIES, message = "{triage.category.invalid}")
            String category,

            @Nullable @Pattern(regexp = CATEGORIES, message = "{triage.category.invalid}")
            String predicted) {}

    record CorrectionJson(long id) {}

    record RetrainRequest(
            @NotBlank(message = "{triage.reason.required}") @Size(max = 500, message = "{form.tooLong}")
            String reason) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OutcomeJson(
            int version,
            boolean activated,
            @Nullable String note,
            double macroF1,
            double emergencyRecall,
            int trainingSize,
            int correctionsUsed) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ModelJson(
            int version,
            Instant trainedAt,
            String algorithm,
            int trainingSize,
            int correctionsUsed,
            double emergencyThreshold,
            int heldoutSize,
            double macroF1,
            double emergencyRecall,
            double accuracy,
            @JsonRawValue String metrics,
            boolean active,
            @Nullable Instant activatedAt,
            @Nullable String note) {}

    private final Triage triage;
    private final TriageTraining training;
    private final TriageModels models;
    private final MessageSource messages;

    TriageApi(Triage triage, TriageTraining training, TriageModels models, MessageSource messages) {
        this.triage = triage;
        this.training = training;
        this.models = models;
        this.messages = messages;
    }

    @PostMapping
    @Operation(
            summary = "Triage a message (MODERATOR, COMMUNICATOR, ADMIN)",
            description = "Category (EMERGENCY, TIP, QUESTION, COMPLAINT, PRAISE, ABUSE, SPAM, OTHER), the model's"
                    + " probability for it, the detected language (nl, fr, de, en) and whether a human must look"
                    + " (confidence below herald.inbox.triage.min-confidence; never for EMERGENCY). For an"
                    + " EMERGENCY, autoReply is the answer to send at once, in the message's language: social media"
                    + " is not watched around the clock, call 112 (or 101 for the police); for what is not urgent, the"
                    + " local police zone (www.police.be).")
    VerdictJson classify(@Valid @RequestBody TriageRequest request) {
        Channel channel = request.channel() == null
                ? null
                : Channel.valueOf(request.channel().toUpperCase(Locale.ROOT));
        Triage.Verdict verdict = triage.classify(request.text(), channel);
        String autoReply = verdict.category() == Category.EMERGENCY ? autoReply(verdict.language()) : null;
        return new VerdictJson(
                verdict.category().name(),
                Math.round(verdict.confidence() * 1000) / 1000.0,
                verdict.language().code(),
                verdict.needsHuman(),
                autoReply,
                verdict.modelVersion());
    }

    @PostMapping("/corrections")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Record a correction of a verdict (MODERATOR, ADMIN)",
            description = "The text with its right category (and what triage had said); the next retraining learns"
                    + " from it.")
    CorrectionJson correct(@Valid @RequestBody CorrectionRequest request) {
        long id = training.recordCorrection(
                request.text(),
                Language.fromCode(request.language()).orElseThrow(),
                Category.valueOf(request.category()),
                request.predicted() == null ? null : Category.valueOf(request.predicted()),
                null);
        return new CorrectionJson(id);
    }

    @GetMapping("/models")
    @Operation(
            summary = "The model versions, newest first (ADMIN)",
            description = "Each with its training size, its figures on the corpus's held-out part (macro-F1,"
                    + " EMERGENCY recall, accuracy, and per category), whether it is active, and why not.")
    List<ModelJson> models() {
        return models.all().stream()
                .map(v -> new ModelJson(
                        v.version(),
                        v.trainedAt(),
                        v.algorithm(),
                        v.trainingSize(),
                        v.correctionsUsed(),
                        v.emergencyThreshold(),
                        v.heldoutSize(),
                        v.macroF1(),
                        v.emergencyRecall(),
                        v.accuracy(),
                        v.metrics(),
                        v.active(),
                        v.activatedAt(),
                        v.note()))
                .toList();
    }

    @PostMapping("/models")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Train a new version now (ADMIN)",
            description = "From the corpus's training part and every correction. The new version becomes active only"
                    + " when its macro-F1 and EMERGENCY recall on the held-out part are not worse than the active"
                    + " version's; otherwise note says why. Takes some seconds.")
    OutcomeJson retrain(@Valid @RequestBody RetrainRequest request) {
        TriageTraining.Outcome outcome = training.retrain(request.reason());
        return new OutcomeJson(
                outcome.version(),
                outcome.activated(),
                outcome.note(),
                outcome.macroF1(),
                outcome.emergencyRecall(),
                outcome.trainingSize(),
                outcome.correctionsUsed());
    }

    private String autoReply(Language language) {
        return messages.getMessage("triage.autoReply.emergency", null, language.locale());
    }
}
