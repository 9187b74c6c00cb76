package eu.herald.audit.internal;

import eu.herald.accounts.Access;
import eu.herald.accounts.OrganisationSummary;
import eu.herald.accounts.Role;
import eu.herald.common.AuditableEvent;
import java.util.List;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records every {@link AuditableEvent} once its change has committed. The event publication registry keeps an
 * event until it is recorded, so a node dying in between loses nothing: the event is republished on restart.
 */
@Service
public class AuditTrail {

    static final int PAGE_SIZE = 200;

    private final AuditEntries entries;
    private final Access access;

    AuditTrail(AuditEntries entries, Access access) {
        this.entries = entries;
        this.access = access;
    }

    @ApplicationModuleListener
    void on(AuditableEvent event) {
        entries.record(event);
    }

    /** The newest entries the current admin may read: within their ADMIN reach. */
    @Transactional(readOnly = true)
    public List<AuditEntry> search(AuditFilter filter) {
        List<UUID> reach =
                access.reachable(Role.ADMIN).stream().map(o -> o.id().value()).toList();
        return entries.search(filter, reach, access.reachesEverything(Role.ADMIN), PAGE_SIZE);
    }

    @Transactional(readOnly = true)
    public List<String> actions() {
        return entries.actions();
    }

    public List<OrganisationSummary> organisations() {
        return access.reachable(Role.ADMIN);
    }
}
