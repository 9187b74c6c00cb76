package eu.herald.inbox.domain;

import eu.herald.accounts.Access;
import eu.herald.accounts.OrganisationId;
import eu.herald.common.Language;
import eu.herald.inbox.triage.Triage;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Service;

/**
 * Every reaction enters here, whatever its source: triaged with the current model, routed by the organisation's
 * playbook (first matching rule), and queued for the group commit. The caller learns when it is stored.
 */
@Service
public class Intake {

    private static final long NAME_CACHE_NANOS = Duration.ofMinutes(1).toNanos();

    private record Name(Map<Language, String> names, long at) {}

    private final Triage triage;
    private final Playbooks playbooks;
    private final SettingsStore settings;
    private final IntakeWriter writer;
    private final Access access;
    private final WorkingTime workingTime;
    private final StarterPlaybook starter;
    private final InboxProperties properties;
    private final Map<UUID, Name> names = new ConcurrentHashMap<>();

    Intake(
            Triage triage,
            Playbooks playbooks,
            SettingsStore settings,
            IntakeWriter writer,
            Access access,
            StarterPlaybook starter,
            InboxProperties properties) {
        this.triage = triage;
        this.playbooks = playbooks;
        this.settings = settings;
        this.writer = writer;
        this.access = access;
        this.starter = starter;
        this.properties = properties;
        this.workingTime = new WorkingTime(properties.workStart(), properties.workEnd(), properties.zone());
    }

    /** Triages, routes and queues one reaction; the future tells whether it was stored or a duplicate. */
    public CompletableFuture<IntakeOutcome> receive(Incoming in) {
        try {
            return writer.write(prepare(in));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Like {@link #receive} but waits for the commit; throws if it does not come in time. */
    public IntakeOutcome receiveNow(Incoming in) {
        try {
            return receive(in).get(properties.commitTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while storing an inbox item", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("an inbox item could not be stored", e);
        }
    }

    Items.Prepared prepare(Incoming in) {
        Triage.Verdict verdict = triage.classify(in.text(), in.channel());
        UUID organisation = in.organisation().value();
        starter.ensure(organisation);
        Routing routing = Routing.decide(
                verdict,
                in,
                playbooks.rules(organisation),
                settings.of(organisation),
                organisationName(organisation, verdict.language()),
                workingTime);
        return new Items.Prepared(UUID.randomUUID(), in, routing);
    }

    /** What the playbook would do with a text, without storing anything: the test bench. */
    public Routing trial(Incoming in) {
        return prepare(in).routing();
    }

    String organisationName(UUID organisation, Language language) {
        Name cached = names.get(organisation);
        if (cached == null || System.nanoTime() - cached.at() > NAME_CACHE_NANOS) {
            Map<Language, String> map = access.organisation(new OrganisationId(organisation))
                    .map(o -> {
                        Map<Language, String> all = new java.util.EnumMap<>(Language.class);
                        for (Language l : Language.values()) {
                            all.put(l, o.name(l));
                        }
                        return all;
                    })
                    .orElse(Map.of());
            cached = new Name(map, System.nanoTime());
            names.put(organisation, cached);
        }
        return cached.names().getOrDefault(language, "");
    }

    public WorkingTime workingTime() {
        return workingTime;
    }
}
