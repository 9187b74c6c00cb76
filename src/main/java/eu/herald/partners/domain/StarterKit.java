package eu.herald.partners.domain;

import eu.herald.accounts.Access;
import eu.herald.accounts.OrganisationId;
import eu.herald.accounts.OrganisationSummary;
import eu.herald.common.Actor;
import eu.herald.common.Language;
import eu.herald.partners.ResourceChanged;
import eu.herald.partners.ResourceId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The social-media starter kit (classpath {@code partners/starter-kit.txt}, written from the workshop's
 * recommendations in nl, fr, de and en), seeded in every mode as toolbox resources of the root (federal) organisation,
 * shared with every group. The partners module knows the root by walking up from a group's organisation, so the kit is
 * seeded at start-up once any group exists, and again (idempotently, by seed key) when a group is created.
 */
@Component
@Order(30)
public class StarterKit implements ApplicationRunner {

    static final String TAG = "starter-kit";

    private static final Map<Language, String> CATEGORY = Map.of(
            Language.EN, "Starter kit",
            Language.NL, "Startpakket",
            Language.FR, "Kit de démarrage",
            Language.DE, "Starterpaket");

    private final Resources resources;
    private final PartnerGroups groups;
    private final Access access;
    private final ApplicationEventPublisher events;

    StarterKit(Resources resources, PartnerGroups groups, Access access, ApplicationEventPublisher events) {
        this.resources = resources;
        this.groups = groups;
        this.access = access;
        this.events = events;
    }

    @Override
    public void run(ApplicationArguments args) {
        groups.all().stream().findFirst().ifPresent(group -> ensure(group.organisationId()));
    }

    /** Seeds whatever part of the kit is missing, owned by the root above {@code organisation}. */
    @Transactional
    public void ensure(OrganisationId organisation) {
        Optional<OrganisationSummary> current = access.organisation(organisation);
        OrganisationId root = null;
        while (current.isPresent()) {
            root = current.get().id();
            OrganisationId parent = current.get().parentId();
            current = parent == null ? Optional.empty() : access.organisation(parent);
        }
        if (root == null) {
            return;
        }
        for (Entry entry : entries()) {
            String seedKey =
                    "starter-kit/" + entry.topic() + "/" + entry.language().code();
            if (resources.bySeedKey(seedKey).isPresent()) {
                continue;
            }
            ResourceDraft draft = new ResourceDraft(
                    entry.title(),
                    entry.description(),
                    entry.body(),
                    CATEGORY.get(entry.language()),
                    List.of(TAG, entry.topic()),
                    entry.language(),
                    ResourceKind.TRAINING,
                    null,
                    null,
                    NeedToKnow.BASIC);
            ResourceId id = new ResourceId(UUID.randomUUID());
            if (resources.insert(id, root, null, draft, true, seedKey)) {
                resources.insertVersion(id, 1, draft, null, "", null);
                events.publishEvent(new ResourceChanged(
                        Actor.SYSTEM,
                        ResourceChanged.Change.CREATED,
                        id,
                        root.value(),
                        Map.of(),
                        Map.of("title", entry.title(), "seed", seedKey)));
            }
        }
    }

    /** One topic in one language. */
    record Entry(String topic, Language language, String title, String description, String body) {}

    static List<Entry> entries() {
        String text;
        try (InputStream in = new ClassPathResource("partners/starter-kit.txt").getInputStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Entry> entries = new ArrayList<>();
        String[] blocks = text.split("(?m)^=== ");
        for (int i = 1; i < blocks.length; i++) {
            String block = blocks[i];
            int newline = block.indexOf('\n');
            String header = block.substring(0, newline);
            String rest = block.substring(newline + 1).strip();
            String[] keyAndTitle = header.split("\\|", 2);
            String[] key = keyAndTitle[0].strip().split(" ");
            String[] paragraphs = rest.split("\\n\\s*\\n", 2);
            entries.add(new Entry(
                    key[0],
                    Language.valueOf(key[1].toUpperCase(Locale.ROOT)),
                    keyAndTitle[1].strip(),
                    paragraphs[0].strip(),
                    paragraphs.length > 1 ? paragraphs[1].strip() : ""));
        }
        return entries;
    }
}
