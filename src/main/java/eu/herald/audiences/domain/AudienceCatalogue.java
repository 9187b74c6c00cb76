package eu.herald.audiences.domain;

import eu.herald.audiences.AudienceChanged;
import eu.herald.audiences.AudienceChanged.Change;
import eu.herald.audiences.AudienceId;
import eu.herald.common.Actor;
import eu.herald.common.Channel;
import eu.herald.common.Language;
import eu.herald.common.NotFoundException;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The catalogue of target audiences: read by everyone, kept by the national administrators. */
@Service
public class AudienceCatalogue {

    private final TargetAudiences audiences;
    private final ChannelAdvices cells;
    private final NationalAdmin admin;
    private final ApplicationEventPublisher events;

    AudienceCatalogue(
            TargetAudiences audiences, ChannelAdvices cells, NationalAdmin admin, ApplicationEventPublisher events) {
        this.audiences = audiences;
        this.cells = cells;
        this.admin = admin;
        this.events = events;
    }

    /** Every audience, deactivated ones included, in catalogue order. */
    @Transactional(readOnly = true)
    public List<AudienceEntry> all() {
        return audiences.all();
    }

    @Transactional(readOnly = true)
    public List<AudienceEntry> active() {
        return audiences.all().stream().filter(AudienceEntry::active).toList();
    }

    @Transactional(readOnly = true)
    public AudienceEntry get(AudienceId id) {
        return audiences.find(id).orElseThrow(() -> new NotFoundException("audience"));
    }

    /** Adds an audience at the end of the catalogue; its channels are "not assessed yet" until rated. */
    @Transactional
    public AudienceEntry create(Map<Language, String> names) {
        admin.require();
        Map<Language, String> checked = AudienceEntry.requireAllNames(names);
        AudienceEntry entry = new AudienceEntry(
                new AudienceId(UUID.randomUUID()),
                freeKey(checked.get(Language.EN)),
                checked,
                audiences.nextPosition(),
                true,
                0);
        audiences.insert(entry);
        for (Channel channel : Channel.values()) {
            cells.insert(AdviceCell.notAssessed(entry.id(), channel));
        }
        events.publishEvent(new AudienceChanged(Actor.current(), Change.CREATED, entry.id(), Map.of(), entry.audit()));
        return entry;
    }

    @Transactional
    public AudienceEntry rename(AudienceId id, int version, Map<Language, String> names) {
        admin.require();
        AudienceEntry before = get(id);
        AudienceEntry after = before.renamed(names, version);
        audiences.update(after);
        events.publishEvent(new AudienceChanged(Actor.current(), Change.RENAMED, id, before.audit(), after.audit()));
        return after;
    }

    @Transactional
    public void deactivate(AudienceId id, int version) {
        admin.require();
        AudienceEntry before = get(id);
        audiences.update(before.deactivated(version));
        events.publishEvent(new AudienceChanged(
                Actor.current(), Change.DEACTIVATED, id, Map.of("active", true), Map.of("active", false)));
    }

    @Transactional
    public void reactivate(AudienceId id, int version) {
        admin.require();
        AudienceEntry before = get(id);
        audiences.update(before.reactivated(version));
        events.publishEvent(new AudienceChanged(
                Actor.current(), Change.REACTIVATED, id, Map.of("active", false), Map.of("active", true)));
    }

    /** A key made from the English name ("Dog owners" → dog-owners), numbered if taken. */
    private String freeKey(String englishName) {
        String base = Normalizer.normalize(englishName, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        if (base.length() > 50) {
            base = base.substring(0, 50).replaceAll("-+$", "");
        }
        if (base.isEmpty()) {
            base = "audience";
        }
        String key = base;
        for (int n = 2; audiences.keyTaken(key); n++) {
            key = base + "-" + n;
        }
        return key;
    }
}
