package eu.herald.accounts.domain;

import eu.herald.accounts.Logo;
import eu.herald.accounts.OrganisationChanged;
import eu.herald.accounts.OrganisationChanged.Change;
import eu.herald.accounts.OrganisationId;
import eu.herald.accounts.OrganisationKind;
import eu.herald.accounts.Role;
import eu.herald.common.Actor;
import eu.herald.common.ImageFiles;
import eu.herald.common.Language;
import eu.herald.common.NotFoundException;
import eu.herald.common.RefusedException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, edits and deactivates organisations, within the current admin's reach. */
@Service
public class OrganisationDirectory {

    /** The largest logo accepted. */
    public static final long MAX_LOGO_BYTES = 1024L * 1024;

    private final Organisations organisations;
    private final Logos logos;
    private final DatabaseAccess access;
    private final ApplicationEventPublisher events;

    OrganisationDirectory(
            Organisations organisations, Logos logos, DatabaseAccess access, ApplicationEventPublisher events) {
        this.organisations = organisations;
        this.logos = logos;
        this.access = access;
        this.events = events;
    }

    /** The logo of an organisation the current user administers. */
    @Transactional(readOnly = true)
    public Optional<Logo> logo(OrganisationId id) {
        get(id);
        return logos.find(id);
    }

    /**
     * Uploads or replaces the logo of an organisation the current user administers: PNG or JPEG checked from its
     * bytes, at most 1 MB.
     */
    @Transactional
    public Logo uploadLogo(OrganisationId id, @Nullable String fileName, byte[] bytes) {
        get(id);
        ImageFiles.Image image = ImageFiles.inspect(fileName, bytes, MAX_LOGO_BYTES);
        Optional<Logo> before = logos.find(id);
        logos.save(id, image, Actor.current().userId());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("fileName", image.fileName());
        after.put("contentType", image.contentType());
        after.put("sizeBytes", image.content().length);
        after.put("sha256", image.sha256());
        events.publishEvent(new OrganisationChanged(
                Actor.current(),
                Change.LOGO_UPLOADED,
                id,
                before.<Map<String, Object>>map(l -> Map.of("fileName", l.fileName()))
                        .orElse(Map.of()),
                after));
        return logos.find(id).orElseThrow();
    }

    @Transactional
    public void removeLogo(OrganisationId id) {
        get(id);
        Logo before = logos.find(id).orElseThrow(() -> new NotFoundException("logo"));
        logos.remove(id);
        events.publishEvent(new OrganisationChanged(
                Actor.current(), Change.LOGO_REMOVED, id, Map.of("fileName", before.fileName()), Map.of()));
    }

    /** The organisations the current user administers, in tree order (siblings by name). */
    @Transactional(readOnly = true)
    public List<Organisation> administered(Language language) {
        return treeOrder(access.reachableOrganisations(Role.ADMIN), language);
    }

    /** An organisation the current user administers. */
    @Transactional(readOnly = true)
    public Organisation get(OrganisationId id) {
        return organisations
                .find(id)
                .filter(o -> access.currentUserCan(Role.ADMIN, id))
                .orElseThrow(() -> new NotFoundException("organisation"));
    }

    @Transactional
    public Organisation create(OrganisationDraft draft) {
        String path;
        if (draft.kind() == OrganisationKind.FEDERAL) {
            if (organisations.hasRoot()) {
                throw new RefusedException("organisation.error.oneFederal");
            }
            if (Actor.current().userId() != null) {
                throw new AccessDeniedException("only seeding creates the root");
            }
            path = null;
        } else {
            if (draft.parentId() == null) {
                throw new RefusedException("organisation.error.parentRequired");
            }
            Organisation parent = organisations
                    .find(draft.parentId())
                    .orElseThrow(() -> new RefusedException("organisation.error.parentRequired"));
            if (Actor.current().userId() != null) {
                access.require(Role.ADMIN, parent.id());
            }
            if (!draft.kind().allowedParents().contains(parent.kind())) {
                throw new RefusedException("organisation.error.kindUnderParent");
            }
            if (!parent.active()) {
                throw new RefusedException("organisation.error.parentInactive");
            }
            path = parent.path();
        }
        validate(draft);
        UUID id = UUID.randomUUID();
        Organisation organisation = new Organisation(
                new OrganisationId(id),
                draft.kind() == OrganisationKind.FEDERAL ? null : draft.parentId(),
                draft.kind(),
                (path == null ? "/" : path) + id + "/",
                Map.copyOf(draft.names()),
                List.copyOf(draft.officialLanguages()),
                normalise(draft.municipalityCodes()),
                normalise(draft.postcodes()),
                blankToNull(draft.contactEmail()),
                blankToNull(draft.contactPhone()),
                true,
                0);
        organisations.insert(organisation);
        events.publishEvent(new OrganisationChanged(
                Actor.current(), Change.CREATED, organisation.id(), Map.of(), organisation.auditSummary()));
        return organisation;
    }

    @Transactional
    public Organisation update(OrganisationId id, int version, OrganisationDraft draft) {
        Organisation before = get(id);
        validate(draft);
        Organisation after = new Organisation(
                before.id(),
                before.parentId(),
                before.kind(),
                before.path(),
                Map.copyOf(draft.names()),
                List.copyOf(draft.officialLanguages()),
                normalise(draft.municipalityCodes()),
                normalise(draft.postcodes()),
                blankToNull(draft.contactEmail()),
                blankToNull(draft.contactPhone()),
                before.active(),
                version);
        organisations.update(after);
        events.publishEvent(new OrganisationChanged(
                Actor.current(), Change.UPDATED, id, before.auditSummary(), after.auditSummary()));
        return after;
    }

    @Transactional
    public void deactivate(OrganisationId id, int version) {
        Organisation before = get(id);
        if (before.parentId() == null) {
            throw new RefusedException("organisation.error.rootStaysActive");
        }
        Organisation after = withVersion(before.deactivated(), version);
        organisations.update(after);
        events.publishEvent(new OrganisationChanged(
                Actor.current(), Change.DEACTIVATED, id, Map.of("active", true), Map.of("active", false)));
    }

    @Transactional
    public void reactivate(OrganisationId id, int version) {
        Organisation before = get(id);
        Organisation after = withVersion(before.reactivated(), version);
        organisations.update(after);
        events.publishEvent(new OrganisationChanged(
                Actor.current(), Change.REACTIVATED, id, Map.of("active", false), Map.of("active", true)));
    }

    private static Organisation withVersion(Organisation o, int version) {
        return new Organisation(
                o.id(),
                o.parentId(),
                o.kind(),
                o.path(),
                o.names(),
                o.officialLanguages(),
                o.municipalityCodes(),
                o.postcodes(),
                o.contactEmail(),
                o.contactPhone(),
                o.active(),
                version);
    }

    private static void validate(OrganisationDraft draft) {
        if (draft.officialLanguages().isEmpty()) {
            throw new RefusedException("organisation.error.languageRequired");
        }
        if (draft.officialLanguages().contains(Language.EN)) {
            throw new RefusedException("organisation.error.englishNotOfficial");
        }
        for (Language official : draft.officialLanguages()) {
            String name = draft.names().get(official);
            if (name == null || name.isBlank()) {
                throw new RefusedException("organisation.error.nameInOfficialLanguage", official.code());
            }
        }
    }

    private static List<String> normalise(List<String> values) {
        return values.stream()
                .map(String::trim)
                .filter(v -> !v.isEmpty())
                .distinct()
                .sorted()
                .toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Depth-first order with siblings sorted by their name in the given language. */
    static List<Organisation> treeOrder(List<Organisation> organisations, Language language) {
        Set<OrganisationId> present =
                organisations.stream().map(Organisation::id).collect(Collectors.toSet());
        Map<OrganisationId, List<Organisation>> children = new HashMap<>();
        List<Organisation> roots = new ArrayList<>();
        for (Organisation o : organisations) {
            if (o.parentId() == null || !present.contains(o.parentId())) {
                roots.add(o);
            } else {
                children.computeIfAbsent(o.parentId(), k -> new ArrayList<>()).add(o);
            }
        }
        Comparator<Organisation> byName =
                Comparator.comparing(o -> o.name(language).toLowerCase(language.locale()));
        List<Organisation> ordered = new ArrayList<>();
        roots.sort(byName);
        for (Organisation root : roots) {
            visit(root, children, byName, ordered);
        }
        return ordered;
    }

    private static void visit(
            Organisation node,
            Map<OrganisationId, List<Organisation>> children,
            Comparator<Organisation> byName,
            List<Organisation> ordered) {
        ordered.add(node);
        List<Organisation> kids = new ArrayList<>(children.getOrDefault(node.id(), List.of()));
        kids.sort(byName);
        for (Organisation kid : kids) {
            visit(kid, children, byName, ordered);
        }
    }
}
