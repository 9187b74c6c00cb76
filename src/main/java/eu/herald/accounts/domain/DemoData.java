package eu.herald.accounts.domain;

import eu.herald.accounts.OrganisationId;
import eu.herald.accounts.OrganisationKind;
import eu.herald.accounts.Role;
import eu.herald.accounts.UserChanged;
import eu.herald.accounts.UserChanged.Change;
import eu.herald.accounts.UserId;
import eu.herald.common.Actor;
import eu.herald.common.HeraldProperties;
import eu.herald.common.Language;
import eu.herald.common.Secrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode only: on the first start, the federal prevention service, two police zones (nl, fr), three municipalities
 * (bilingual Ixelles/Elsene in Brussels, German-speaking Eupen, Ghent), two partners and one user per role. The
 * password comes from {@code HERALD_DEMO_PASSWORD} or is generated once and kept in the data folder.
 */
@Component
@Order(0)
class DemoData implements ApplicationRunner {

    /** The demo users, one per role: email, name, language, role, and the organisation key below. */
    record DemoUser(String email, String name, Language language, Role role, String organisation) {}

    static final List<DemoUser> USERS = List.of(
            new DemoUser("admin@herald.test", "Alex Admin", Language.EN, Role.ADMIN, "federal"),
            new DemoUser("communicator@herald.test", "Camille Communicator", Language.FR, Role.COMMUNICATOR, "ixelles"),
            new DemoUser("approver@herald.test", "Arne Approver", Language.NL, Role.APPROVER, "ixelles"),
            new DemoUser("moderator@herald.test", "Mona Moderator", Language.NL, Role.MODERATOR, "zone-gent"),
            new DemoUser("analyst@herald.test", "Anna Analyst", Language.DE, Role.ANALYST, "federal"),
            new DemoUser("partner@herald.test", "Pierre Partner", Language.FR, Role.PARTNER, "partner-liege"));

    private final HeraldProperties herald;
    private final OrganisationDirectory directory;
    private final Organisations organisations;
    private final Users users;
    private final Memberships memberships;
    private final TokenService tokens;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private String password = "";

    DemoData(
            HeraldProperties herald,
            OrganisationDirectory directory,
            Organisations organisations,
            Users users,
            Memberships memberships,
            TokenService tokens,
            PasswordEncoder passwords,
            ApplicationEventPublisher events,
            TransactionTemplate transaction) {
        this.herald = herald;
        this.directory = directory;
        this.organisations = organisations;
        this.users = users;
        this.memberships = memberships;
        this.tokens = tokens;
        this.passwords = passwords;
        this.events = events;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!herald.demoMode()) {
            return;
        }
        password = demoPassword();
        transaction.executeWithoutResult(status -> {
            if (!organisations.hasRoot()) {
                seed();
            }
        });
    }

    private void seed() {
        Map<String, OrganisationId> ids = new LinkedHashMap<>();
        ids.put(
                "federal",
                create(
                        null,
                        OrganisationKind.FEDERAL,
                        Map.of(
                                Language.NL, "FOD Binnenlandse Zaken – Algemene Directie Veiligheid en Preventie",
                                Language.FR, "SPF Intérieur – Direction générale Sécurité et Prévention",
                                Language.DE, "FÖD Inneres – Generaldirektion Sicherheit und Vorbeugung",
                                Language.EN, "FPS Home Affairs – Directorate-General Security and Prevention"),
                        List.of(Language.NL, Language.FR, Language.DE),
                        List.of(),
                        List.of(),
                        "preventie@herald.test"));
        ids.put(
                "zone-gent",
                create(
                        ids.get("federal"),
                        OrganisationKind.POLICE_ZONE,
                        Map.of(
                                Language.NL,
                                "Politiezone Gent",
                                Language.FR,
                                "Zone de police de Gand",
                                Language.EN,
                                "Ghent police zone"),
                        List.of(Language.NL),
                        List.of("44021"),
                        List.of("9000", "9030", "9031", "9032", "9040", "9041", "9042", "9050", "9051", "9052"),
                        "communicatie.pz.gent@herald.test"));
        ids.put(
                "zone-liege",
                create(
                        ids.get("federal"),
                        OrganisationKind.POLICE_ZONE,
                        Map.of(
                                Language.FR,
                                "Zone de police de Liège",
                                Language.NL,
                                "Politiezone Luik",
                                Language.EN,
                                "Liège police zone"),
                        List.of(Language.FR),
                        List.of("62063"),
                        List.of("4000", "4020", "4030", "4031", "4032"),
                        "communication.zp.liege@herald.test"));
        ids.put(
                "gent",
                create(
                        ids.get("zone-gent"),
                        OrganisationKind.MUNICIPALITY,
                        Map.of(Language.NL, "Stad Gent", Language.FR, "Ville de Gand", Language.EN, "City of Ghent"),
                        List.of(Language.NL),
                        List.of("44021"),
                        List.of("9000", "9030", "9031", "9032", "9040", "9041", "9042", "9050", "9051", "9052"),
                        "preventie@gent.herald.test"));
        ids.put(
                "ixelles",
                create(
                        ids.get("federal"),
                        OrganisationKind.MUNICIPALITY,
                        Map.of(
                                Language.NL,
                                "Gemeente Elsene",
                                Language.FR,
                                "Commune d'Ixelles",
                                Language.EN,
                                "Municipality of Ixelles"),
                        List.of(Language.NL, Language.FR),
                        List.of("21009"),
                        List.of("1050"),
                        "prevention@ixelles.herald.test"));
        ids.put(
                "eupen",
                create(
                        ids.get("federal"),
                        OrganisationKind.MUNICIPALITY,
                        Map.of(Language.DE, "Stadt Eupen", Language.FR, "Ville d'Eupen", Language.EN, "Town of Eupen"),
                        List.of(Language.DE),
                        List.of("63023"),
                        List.of("4700"),
                        "praevention@eupen.herald.test"));
        ids.put(
                "partner-gent",
                create(
                        ids.get("gent"),
                        OrganisationKind.PARTNER,
                        Map.of(Language.NL, "Buurtinformatienetwerk Sint-Amandsberg"),
                        List.of(Language.NL),
                        List.of("44021"),
                        List.of("9040"),
                        "bin.sint-amandsberg@herald.test"));
        ids.put(
                "partner-liege",
                create(
                        ids.get("zone-liege"),
                        OrganisationKind.PARTNER,
                        Map.of(Language.FR, "Association des commerçants du centre de Liège"),
                        List.of(Language.FR),
                        List.of("62063"),
                        List.of("4000"),
                        "commercants.liege@herald.test"));

        String hash = passwords.encode(password);
        for (DemoUser demo : USERS) {
            UserId id = new UserId(UUID.randomUUID());
            OrganisationId home = ids.get(demo.organisation());
            users.insert(new User(
                    id, home, demo.email(), demo.name(), demo.language(), null, true, false, 0, null, null, 0));
            users.setPassword(id, hash);
            memberships.add(new Membership(UUID.randomUUID(), id, home, demo.role()));
            events.publishEvent(new UserChanged(
                    Actor.SYSTEM,
                    Change.INVITED,
                    id,
                    home,
                    Map.of(),
                    Map.of("email", demo.email(), "role", demo.role().name(), "demo", true)));
            if (demo.role() == Role.ADMIN) {
                String token = herald.demo().apiToken();
                if (token != null && !token.isBlank()) {
                    if (token.length() < 20) {
                        throw new IllegalStateException("HERALD_DEMO_API_TOKEN must be at least 20 characters long.");
                    }
                    tokens.createWithValue(id, "Demo token (HERALD_DEMO_API_TOKEN)", token);
                }
            }
        }
    }

    private OrganisationId create(
            OrganisationId parent,
            OrganisationKind kind,
            Map<Language, String> names,
            List<Language> languages,
            List<String> codes,
            List<String> postcodes,
            String email) {
        return directory
                .create(new OrganisationDraft(parent, kind, names, languages, codes, postcodes, email, null))
                .id();
    }

    /** The demo password: from the environment, else the one generated at the first start. */
    private String demoPassword() {
        String configured = herald.demo().password();
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        Path file = herald.dataDir().resolve("demo-password.txt");
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            Files.createDirectories(file.getParent());
            String generated = Secrets.randomToken(12);
            Files.writeString(file, generated);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system
            }
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the demo password in " + file, e);
        }
    }

    /** Tells whoever started Herald where it is and how to sign in. Printed, not logged: it is for the terminal. */
    @EventListener
    void announce(ApplicationReadyEvent ready) {
        if (!herald.demoMode()) {
            return;
        }
        String url = herald.baseUrl() != null
                ? herald.baseUrl().toString()
                : "http://localhost:"
                        + ready.getApplicationContext().getEnvironment().getProperty("local.server.port", "8080");
        StringBuilder text = new StringBuilder("\n  Herald is running in demo mode at ")
                .append(url)
                .append("\n  Demo users (password: ")
                .append(password)
                .append("):\n");
        for (DemoUser user : USERS) {
            text.append(String.format("    %-28s %s%n", user.email(), user.role()));
        }
        System.out.println(text);
    }
}
