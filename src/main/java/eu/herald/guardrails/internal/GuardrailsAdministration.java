package eu.herald.guardrails.internal;

import eu.herald.accounts.Access;
import eu.herald.accounts.OrganisationId;
import eu.herald.accounts.OrganisationSummary;
import eu.herald.accounts.Role;
import eu.herald.common.Actor;
import eu.herald.common.Language;
import eu.herald.common.NotFoundException;
import eu.herald.common.RefusedException;
import eu.herald.guardrails.EmergencyLineWordingChanged;
import eu.herald.guardrails.LexiconEdited;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What admins change in the guardrails: the word lists (national: only an admin of the whole tree) and their own
 * organisations' emergency-line sentences. Every change is audited and reaches the checks once it commits.
 */
@Service
public class GuardrailsAdministration {

    public static final int MAX_ENTRY = 300;
    public static final int MAX_WORDING = 500;
    private static final Pattern NUMBER_112 = Pattern.compile("(?<!\\d)112(?!\\d)");
    private static final Pattern NUMBER_101 = Pattern.compile("(?<!\\d)101(?!\\d)");

    /** Where an entry comes from, as the admin page shows it. */
    public enum Origin {
        SHIPPED,
        ADDED,
        REMOVED
    }

    public record Entry(String text, Origin origin) {}

    private final LexiconChanges changes;
    private final EmergencyWordings wordings;
    private final Generations generations;
    private final KnowledgeStore store;
    private final Access access;
    private final ApplicationEventPublisher events;

    GuardrailsAdministration(
            LexiconChanges changes,
            EmergencyWordings wordings,
            Generations generations,
            KnowledgeStore store,
            Access access,
            ApplicationEventPublisher events) {
        this.changes = changes;
        this.wordings = wordings;
        this.generations = generations;
        this.store = store;
        this.access = access;
        this.events = events;
    }

    /** The shipped entries (marked when an admin removed them) followed by the entries admins added. */
    @Transactional(readOnly = true)
    public List<Entry> entries(Lexicon lexicon, Language language) {
        List<LexiconChange> all = changes.all().stream()
                .filter(c -> c.lexicon() == lexicon && c.language() == language)
                .toList();
        Set<String> removed = new HashSet<>();
        all.stream().filter(c -> c.kind() == LexiconChange.Kind.REMOVED).forEach(c -> removed.add(c.entry()));
        List<Entry> entries = new ArrayList<>();
        for (String shipped : lexicon.fileEntries(language)) {
            entries.add(new Entry(shipped, removed.contains(shipped) ? Origin.REMOVED : Origin.SHIPPED));
        }
        all.stream()
                .filter(c -> c.kind() == LexiconChange.Kind.ADDED)
                .forEach(c -> entries.add(new Entry(c.entry(), Origin.ADDED)));
        return entries;
    }

    public boolean mayEditLexicons() {
        return access.reachesEverything(Role.ADMIN);
    }

    /** Adds an entry, or restores a shipped entry that was removed. */
    @Transactional
    public void add(Lexicon lexicon, Language language, String text) {
        String entry = valid(text);
        Optional<LexiconChange.Kind> change = changes.find(lexicon, language, entry);
        boolean shipped = lexicon.fileEntries(language).contains(entry);
        if (shipped && change.isPresent()) {
            changes.forget(lexicon, language, entry);
            edited(lexicon, language, entry, LexiconEdited.Edit.RESTORED);
            return;
        }
        if (shipped || change.isPresent()) {
            throw new RefusedException("guardrails.admin.entry.exists");
        }
        changes.record(new LexiconChange(lexicon, language, entry, LexiconChange.Kind.ADDED), actor());
        edited(lexicon, language, entry, LexiconEdited.Edit.ADDED);
    }

    /** Removes an added entry, or marks a shipped one as removed. */
    @Transactional
    public void remove(Lexicon lexicon, Language language, String text) {
        requireLexiconAdmin();
        String entry = text.strip();
        Optional<LexiconChange.Kind> change = changes.find(lexicon, language, entry);
        boolean shipped = lexicon.fileEntries(language).contains(entry);
        if (change.isPresent() && change.get() == LexiconChange.Kind.ADDED) {
            changes.forget(lexicon, language, entry);
        } else if (shipped && change.isEmpty()) {
            changes.record(new LexiconChange(lexicon, language, entry, LexiconChange.Kind.REMOVED), actor());
        } else {
            throw new RefusedException("guardrails.admin.entry.unknown");
        }
        edited(lexicon, language, entry, LexiconEdited.Edit.REMOVED);
    }

    /** The organisations whose sentence the current admin may set. */
    public List<OrganisationSummary> organisations() {
        return access.reachable(Role.ADMIN);
    }

    /** The organisation's own sentences (languages without one are absent). */
    @Transactional(readOnly = true)
    public Map<Language, String> wordings(OrganisationId organisation) {
        requireReach(organisation);
        return wordings.of(organisation.value());
    }

    public String defaultWording(Language language) {
        return store.current().defaultWording(language);
    }

    /** Sets the organisation's sentences; a blank one goes back to Herald's default for that language. */
    @Transactional
    public void setWordings(OrganisationId organisation, Map<Language, String> wanted) {
        requireReach(organisation);
        Map<Language, String> valid = new EnumMap<>(Language.class);
        wanted.forEach((language, text) -> {
            String wording = text == null ? "" : text.strip().replaceAll("\\s+", " ");
            if (wording.length() > MAX_WORDING) {
                throw new RefusedException("guardrails.admin.wording.tooLong");
            }
            if (!wording.isEmpty()
                    && (!NUMBER_112.matcher(wording).find()
                            || !NUMBER_101.matcher(wording).find())) {
                throw new RefusedException("guardrails.admin.wording.numbers");
            }
            valid.put(language, wording);
        });
        Map<Language, String> before = wordings.of(organisation.value());
        boolean changed = false;
        for (Map.Entry<Language, String> entry : valid.entrySet()) {
            Language language = entry.getKey();
            String old = before.get(language);
            String now = entry.getValue().isEmpty() ? null : entry.getValue();
            if (java.util.Objects.equals(old, now)) {
                continue;
            }
            if (now == null) {
                wordings.clear(organisation.value(), language);
            } else {
                wordings.put(organisation.value(), language, now, actor());
            }
            events.publishEvent(new EmergencyLineWordingChanged(Actor.current(), organisation, language, old, now));
            changed = true;
        }
        if (changed) {
            generations.bump();
        }
    }

    private String valid(String text) {
        requireLexiconAdmin();
        String entry = text == null ? "" : text.strip();
        if (entry.isEmpty()) {
            throw new RefusedException("guardrails.admin.entry.empty");
        }
        if (entry.length() > MAX_ENTRY) {
            throw new RefusedException("guardrails.admin.entry.tooLong");
        }
        try {
            PhraseMatcher.compile(entry);
        } catch (IllegalArgumentException e) {
            throw new RefusedException("guardrails.admin.entry.invalid");
        }
        return entry;
    }

    private void edited(Lexicon lexicon, Language language, String entry, LexiconEdited.Edit edit) {
        generations.bump();
        events.publishEvent(new LexiconEdited(Actor.current(), lexicon.code(), language, entry, edit));
    }

    private void requireLexiconAdmin() {
        if (!mayEditLexicons()) {
            throw new RefusedException("guardrails.admin.lexiconNeedsFederalAdmin");
        }
    }

    private void requireReach(OrganisationId organisation) {
        if (!access.currentUserCan(Role.ADMIN, organisation)) {
            throw new NotFoundException("organisation");
        }
    }

    private static java.util.@Nullable UUID actor() {
        return Actor.current().userId();
    }
}
