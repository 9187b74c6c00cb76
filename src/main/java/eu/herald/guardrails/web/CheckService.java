package eu.herald.guardrails.web;

import eu.herald.accounts.Access;
import eu.herald.accounts.OrganisationId;
import eu.herald.accounts.Role;
import eu.herald.common.Channel;
import eu.herald.common.Language;
import eu.herald.common.NotFoundException;
import eu.herald.guardrails.Check;
import eu.herald.guardrails.Draft;
import eu.herald.guardrails.internal.GuardrailsEngine;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What the page, the fragment and the API share: the language (given, else detected, else the reader's), the
 * organisation whose emergency-line sentence applies, and the check.
 */
@Component
class CheckService {

    private static final List<Role> CHECKERS = List.of(Role.COMMUNICATOR, Role.APPROVER, Role.ADMIN);

    private final GuardrailsEngine engine;
    private final Access access;
    private final MessageSource messages;

    CheckService(GuardrailsEngine engine, Access access, MessageSource messages) {
        this.engine = engine;
        this.access = access;
        this.messages = messages;
    }

    record Outcome(Check check, boolean detected) {}

    Outcome check(
            String text, Channel channel, @Nullable String languageCode, @Nullable String organisation, Locale reader) {
        Optional<Language> given =
                languageCode == null || languageCode.isBlank() ? Optional.empty() : Language.fromCode(languageCode);
        Language language = given.or(() -> engine.detection().detect(text)).orElse(Language.of(reader));
        OrganisationId whose = organisation(organisation);
        Check check = engine.check(new Draft(text, channel, language, List.of(), whose));
        return new Outcome(check, given.isEmpty());
    }

    CheckView view(
            String text, Channel channel, @Nullable String language, @Nullable String organisation, Locale reader) {
        Outcome outcome = check(text, channel, language, organisation, reader);
        return CheckView.of(outcome.check(), text, outcome.detected(), messages, reader);
    }

    String render(eu.herald.guardrails.Finding finding, Locale reader) {
        return CheckView.render(finding, messages, reader);
    }

    /** The organisation asked for (when the user may check for it), else the first the user checks for. */
    private @Nullable OrganisationId organisation(@Nullable String asked) {
        if (asked != null && !asked.isBlank()) {
            OrganisationId id;
            try {
                id = OrganisationId.of(asked.trim());
            } catch (IllegalArgumentException e) {
                throw new NotFoundException("organisation");
            }
            if (CHECKERS.stream().noneMatch(role -> access.currentUserCan(role, id))) {
                throw new NotFoundException("organisation");
            }
            return id;
        }
        for (Role role : CHECKERS) {
            var reachable = access.reachable(role);
            if (!reachable.isEmpty()) {
                return reachable.getFirst().id();
            }
        }
        return null;
    }
}
