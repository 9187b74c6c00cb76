package eu.herald.campaigns.domain;

import eu.herald.common.Channel;
import eu.herald.common.Language;
import eu.herald.guardrails.Check;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A message as its page shows it: the campaign, every variant with its guardrail check, the languages required by
 * the campaign's areas and the ones still missing per channel, and the comments.
 */
public record MessageView(
        Message message,
        Campaign campaign,
        List<CheckedVariant> variants,
        Set<Language> requiredLanguages,
        Map<Channel, Set<Language>> missingLanguages,
        List<Comment> comments) {

    /** A variant with the outcome of its check. */
    public record CheckedVariant(Variant variant, Check check) {}

    /** Whether every variant passes the guardrails and every channel has every required language. */
    public boolean approvable() {
        return !variants.isEmpty()
                && variants.stream().noneMatch(v -> v.check().blocks())
                && missingLanguages.values().stream().allMatch(Set::isEmpty);
    }
}
