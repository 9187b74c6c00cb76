package eu.herald.audiences.domain;

import eu.herald.common.HeraldProperties;
import eu.herald.common.Language;
import java.util.List;
import java.util.Map;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode only: the areas of the demo organisations — bilingual Ixelles/Elsene, Ghent, Liège and German-speaking
 * Eupen — until an administrator imports the official list. Production starts without areas: the official list is
 * imported, not shipped.
 */
@Component
@Order(1)
class DemoAreas implements ApplicationRunner {

    static final List<StoredArea> AREAS = List.of(
            new StoredArea(
                    "21009",
                    Map.of(Language.NL, "Elsene", Language.FR, "Ixelles"),
                    List.of("1050"),
                    List.of(Language.NL, Language.FR),
                    Region.BRUSSELS,
                    null),
            new StoredArea(
                    "44021",
                    Map.of(Language.NL, "Gent", Language.FR, "Gand"),
                    List.of("9000", "9030", "9031", "9032", "9040", "9041", "9042", "9050", "9051", "9052"),
                    List.of(Language.NL),
                    Region.FLANDERS,
                    null),
            new StoredArea(
                    "62063",
                    Map.of(Language.NL, "Luik", Language.FR, "Liège"),
                    List.of("4000", "4020", "4030", "4031", "4032"),
                    List.of(Language.FR),
                    Region.WALLONIA,
                    null),
            new StoredArea(
                    "63023",
                    Map.of(Language.NL, "Eupen", Language.FR, "Eupen", Language.DE, "Eupen"),
                    List.of("4700"),
                    List.of(Language.DE),
                    Region.WALLONIA,
                    null));

    private final HeraldProperties herald;
    private final Areas areas;
    private final TransactionTemplate transaction;

    DemoAreas(HeraldProperties herald, Areas areas, TransactionTemplate transaction) {
        this.herald = herald;
        this.areas = areas;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!herald.demoMode()) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            areas.lockRevision();
            if (areas.isEmpty()) {
                AREAS.forEach(areas::insert);
                areas.raiseRevision();
            }
        });
    }
}
