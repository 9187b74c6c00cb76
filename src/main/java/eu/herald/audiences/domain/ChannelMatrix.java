package eu.herald.audiences.domain;

import eu.herald.audiences.AudienceId;
import eu.herald.audiences.ChannelAdviceChanged;
import eu.herald.audiences.Recommendation;
import eu.herald.audiences.Suitability;
import eu.herald.common.Actor;
import eu.herald.common.Channel;
import eu.herald.common.Language;
import eu.herald.common.NotFoundException;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The audience × channel matrix: read as advice by communicators, kept by the national administrators. */
@Service
public class ChannelMatrix {

    /** A cell with its reason in the reader's language. */
    public record Cell(AdviceCell advice, String reason) {

        public Suitability suitability() {
            return advice.suitability();
        }

        public boolean fromWorkshop() {
            return advice.reasonKey() != null;
        }
    }

    /** One audience's row: a cell for every channel. */
    public record AudienceRatings(AudienceEntry audience, Map<Channel, Cell> cells) {

        public Cell cell(Channel channel) {
            return cells.get(channel);
        }
    }

    private final TargetAudiences audiences;
    private final ChannelAdvices cells;
    private final NationalAdmin admin;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;

    ChannelMatrix(
            TargetAudiences audiences,
            ChannelAdvices cells,
            NationalAdmin admin,
            MessageSource messages,
            ApplicationEventPublisher events) {
        this.audiences = audiences;
        this.cells = cells;
        this.admin = admin;
        this.messages = messages;
        this.events = events;
    }

    /** The matrix of the active audiences, in catalogue order. */
    @Transactional(readOnly = true)
    public List<AudienceRatings> rows(Language language) {
        List<AudienceEntry> active =
                audiences.all().stream().filter(AudienceEntry::active).toList();
        Map<AudienceId, Map<Channel, AdviceCell>> byAudience = byAudience(
                cells.forAudiences(active.stream().map(AudienceEntry::id).toList()));
        return active.stream()
                .map(audience -> row(audience, byAudience.getOrDefault(audience.id(), Map.of()), language))
                .toList();
    }

    /** One audience's row, whether active or not. */
    @Transactional(readOnly = true)
    public AudienceRatings row(AudienceId id, Language language) {
        AudienceEntry audience = audiences.find(id).orElseThrow(() -> new NotFoundException("audience"));
        return row(audience, byAudience(cells.forAudiences(List.of(id))).getOrDefault(id, Map.of()), language);
    }

    /** A cell for editing: with its reason in every language (the workshop's, as long as nobody rewrote it). */
    @Transactional(readOnly = true)
    public AdviceCell cell(AudienceId audience, Channel channel) {
        audiences.find(audience).orElseThrow(() -> new NotFoundException("audience"));
        return cells.find(audience, channel).orElseGet(() -> AdviceCell.notAssessed(audience, channel));
    }

    /** The cell's reason in every language. */
    public Map<Language, String> reasons(AdviceCell cell) {
        Map<Language, String> reasons = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            reasons.put(language, reason(cell, language));
        }
        return reasons;
    }

    /** An administrator's rating and reason (in all four languages) replace the cell's. */
    @Transactional
    public AdviceCell edit(
            AudienceId audience, Channel channel, int version, Suitability suitability, Map<Language, String> reasons) {
        admin.require();
        audiences.find(audience).orElseThrow(() -> new NotFoundException("audience"));
        AdviceCell before = cells.find(audience, channel).orElse(null);
        if (before == null) {
            before = AdviceCell.notAssessed(audience, channel);
            cells.insert(before);
        }
        AdviceCell after = before.edited(suitability, reasons, version);
        cells.update(after);
        events.publishEvent(
                new ChannelAdviceChanged(Actor.current(), audience, channel, before.audit(), after.audit()));
        return after;
    }

    /**
     * Every channel with how well it reaches the chosen audiences and why, best first. Unknown audiences are left
     * out; deactivated ones still count (a campaign may have chosen them before).
     */
    @Transactional(readOnly = true)
    public List<Recommendation> recommend(Collection<AudienceId> ids, Language language) {
        List<AudienceEntry> chosen = audiences.findAll(ids.stream().distinct().toList());
        Map<AudienceId, Map<Channel, AdviceCell>> byAudience = byAudience(
                cells.forAudiences(chosen.stream().map(AudienceEntry::id).toList()));
        List<Advice.RatedAudience> rated = chosen.stream()
                .map(audience -> {
                    Map<Channel, Advice.Rating> ratings = new EnumMap<>(Channel.class);
                    byAudience
                            .getOrDefault(audience.id(), Map.of())
                            .forEach((channel, cell) -> ratings.put(
                                    channel, new Advice.Rating(cell.suitability(), reason(cell, language))));
                    return new Advice.RatedAudience(audience.name(language), ratings);
                })
                .toList();
        return Advice.recommend(
                rated,
                (name, reason) ->
                        messages.getMessage("audiences.advice.reason", new Object[] {name, reason}, language.locale()),
                new Advice.Rating(
                        Suitability.LIMITED, messages.getMessage(AdviceCell.NOT_ASSESSED, null, language.locale())));
    }

    /** The reason in one language: the workshop's from the message bundle, or the administrator's text. */
    String reason(AdviceCell cell, Language language) {
        if (cell.reasonKey() != null) {
            return messages.getMessage(cell.reasonKey(), null, cell.reasonKey(), language.locale());
        }
        String reason = cell.reasons().get(language);
        return reason != null ? reason : cell.reasons().getOrDefault(Language.EN, "");
    }

    private AudienceRatings row(AudienceEntry audience, Map<Channel, AdviceCell> cells, Language language) {
        Map<Channel, Cell> row = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            AdviceCell cell = cells.getOrDefault(channel, AdviceCell.notAssessed(audience.id(), channel));
            row.put(channel, new Cell(cell, reason(cell, language)));
        }
        return new AudienceRatings(audience, row);
    }

    private static Map<AudienceId, Map<Channel, AdviceCell>> byAudience(List<AdviceCell> all) {
        Map<AudienceId, Map<Channel, AdviceCell>> byAudience = new HashMap<>();
        for (AdviceCell cell : all) {
            byAudience
                    .computeIfAbsent(cell.audience(), id -> new EnumMap<>(Channel.class))
                    .put(cell.channel(), cell);
        }
        return byAudience;
    }
}
