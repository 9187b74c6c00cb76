package eu.herald.guardrails.web;

import eu.herald.common.Channel;
import eu.herald.guardrails.Check;
import eu.herald.guardrails.Rule;
import eu.herald.guardrails.Severity;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The guardrails part of the REST API. */
@RestController
@RequestMapping("/api/v1/guardrails")
@Tag(name = "Guardrails", description = "Check a text before it goes out on a channel")
class GuardrailsApi {

    record CheckRequest(
            @NotNull(message = "{guardrails.text.required}") @Size(max = CheckForm.MAX_TEXT, message = "{form.tooLong}")
            String text,

            @NotBlank(message = "{guardrails.channel.required}")
            @Pattern(
                    regexp =
                            "(?i)x|mastodon|bluesky|facebook|instagram|youtube|telegram|whatsapp|email|website|poster|press",
                    message = "{guardrails.channel.required}")
            String channel,

            @Nullable @Pattern(regexp = "(?i)nl|fr|de|en", message = "{guardrails.language.invalid}")
            String language) {}

    record LengthJson(int used, @Nullable Integer limit, String unit) {}

    record FindingJson(Rule rule, Severity severity, String message, int start, int end) {}

    record CheckJson(String language, LengthJson length, List<FindingJson> findings) {}

    private final CheckService checks;

    GuardrailsApi(CheckService checks) {
        this.checks = checks;
    }

    @PostMapping("/check")
    @Operation(
            summary = "Check a text for a channel (COMMUNICATOR, APPROVER, ADMIN)",
            description = "Channel: x, mastodon, bluesky, facebook, instagram, youtube, telegram, whatsapp, email,"
                    + " website, poster or press. Without language the language is detected. Findings are rendered in"
                    + " the language of Accept-Language; start and end are UTF-16 offsets into the text (0, 0: the"
                    + " whole text). BLOCK prevents approval, WARN asks to reconsider, INFO informs.")
    CheckJson check(@Valid @RequestBody CheckRequest request) {
        Locale reader = LocaleContextHolder.getLocale();
        Channel channel = Channel.valueOf(request.channel().toUpperCase(Locale.ROOT));
        Check check = checks.check(request.text(), channel, request.language(), null, reader)
                .check();
        return new CheckJson(
                check.language().code(),
                new LengthJson(
                        check.length().used(),
                        check.length().limit(),
                        check.length().unit().name()),
                check.findings().stream()
                        .map(f -> new FindingJson(f.rule(), f.severity(), checks.render(f, reader), f.start(), f.end()))
                        .toList());
    }
}
