package eu.herald.partners.domain;

import eu.herald.accounts.Access;
import eu.herald.accounts.OrganisationId;
import eu.herald.accounts.OrganisationSummary;
import eu.herald.accounts.Role;
import eu.herald.common.Actor;
import eu.herald.common.Language;
import eu.herald.common.NotFoundException;
import eu.herald.common.RefusedException;
import eu.herald.partners.GroupId;
import eu.herald.partners.ResourceChanged;
import eu.herald.partners.ResourceId;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The toolbox: ADMINs of an organisation add resources and new versions and share them with groups; members of a
 * group find what is shared with their group (or with every group of an organisation above it) and nothing else.
 */
@Service
public class ToolboxService {

    static final int SEARCH_LIMIT = 100;

    private final Resources resources;
    private final PartnerGroups groups;
    private final GroupService groupService;
    private final UploadInspector inspector;
    private final Access access;
    private final ApplicationEventPublisher events;

    ToolboxService(
            Resources resources,
            PartnerGroups groups,
            GroupService groupService,
            UploadInspector inspector,
            Access access,
            ApplicationEventPublisher events) {
        this.resources = resources;
        this.groups = groups;
        this.groupService = groupService;
        this.inspector = inspector;
        this.access = access;
        this.events = events;
    }

    /** A resource with its history and whether the caller may change it. */
    public record ResourceView(Resource resource, List<ResourceVersion> versions, boolean manageable) {}

    @Transactional(readOnly = true)
    public List<Resource> search(@Nullable String query, @Nullable Language language) {
        return resources.search(reader(), query, language, SEARCH_LIMIT);
    }

    @Transactional(readOnly = true)
    public ResourceView view(ResourceId id) {
        Resource resource = readable(id);
        return new ResourceView(
                resource, resources.versions(id), access.currentUserCan(Role.ADMIN, resource.organisationId()));
    }

    /** The resource's current file, or the file of an earlier version. */
    @Transactional(readOnly = true)
    public StoredFile file(ResourceId id, @Nullable Integer version) {
        Resource resource = readable(id);
        int number = version == null ? resource.currentVersion() : version;
        return resources.file(id, number).orElseThrow(() -> new NotFoundException("file"));
    }

    @Transactional
    public Resource create(
            OrganisationId organisation,
            ResourceDraft draft,
            @Nullable Upload upload,
            boolean allGroups,
            List<GroupId> shareWith) {
        if (!access.currentUserCan(Role.ADMIN, organisation)) {
            throw new NotFoundException("organisation");
        }
        ResourceDraft checked = checked(draft);
        InspectedFile file = fileFor(checked, upload, null);
        checkShares(shareWith);
        ResourceId id = new ResourceId(UUID.randomUUID());
        UUID owner = Actor.current().userId();
        resources.insert(id, organisation, owner, checked, allGroups, null);
        resources.insertVersion(id, 1, checked, file, "", owner);
        resources.share(id, allGroups, shareWith);
        Resource created = resources.find(id).orElseThrow();
        events.publishEvent(new ResourceChanged(
                Actor.current(), ResourceChanged.Change.CREATED, id, organisation.value(), Map.of(), summary(created)));
        return created;
    }

    /** A new version: the draft replaces the current text; without a new file the current file is kept. */
    @Transactional
    public Resource newVersion(
            ResourceId id, int expectedVersion, ResourceDraft draft, @Nullable Upload upload, String note) {
        Resource before = managed(id);
        if (before.currentVersion() != expectedVersion) {
            throw new RefusedException("partners.resource.stale");
        }
        ResourceDraft checked = checked(draft);
        InspectedFile file = fileFor(checked, upload, id);
        resources.update(id, expectedVersion, checked);
        resources.insertVersion(
                id,
                expectedVersion + 1,
                checked,
                file,
                note.strip(),
                Actor.current().userId());
        Resource after = resources.find(id).orElseThrow();
        events.publishEvent(new ResourceChanged(
                Actor.current(),
                ResourceChanged.Change.NEW_VERSION,
                id,
                after.organisationId().value(),
                summary(before),
                summary(after)));
        return after;
    }

    @Transactional
    public Resource share(ResourceId id, boolean allGroups, List<GroupId> shareWith) {
        Resource before = managed(id);
        checkShares(shareWith);
        resources.share(id, allGroups, shareWith);
        Resource after = resources.find(id).orElseThrow();
        events.publishEvent(new ResourceChanged(
                Actor.current(),
                ResourceChanged.Change.SHARED,
                id,
                after.organisationId().value(),
                sharing(before),
                sharing(after)));
        return after;
    }

    /** The organisations where the caller may add resources. */
    public List<OrganisationSummary> manageableOrganisations() {
        return groupService.manageableOrganisations();
    }

    Resource readable(ResourceId id) {
        if (!resources.visible(id, reader())) {
            throw new NotFoundException("resource");
        }
        return resources.find(id).orElseThrow(() -> new NotFoundException("resource"));
    }

    private Resource managed(ResourceId id) {
        Resource resource = readable(id);
        if (!access.currentUserCan(Role.ADMIN, resource.organisationId())) {
            throw new RefusedException("partners.resource.notManager");
        }
        return resource;
    }

    private void checkShares(List<GroupId> shareWith) {
        for (GroupId group : shareWith) {
            PartnerGroup found = groups.find(group).orElseThrow(() -> new NotFoundException("partner group"));
            if (!groupService.manages(found)) {
                throw new NotFoundException("partner group");
            }
        }
    }

    private @Nullable InspectedFile fileFor(ResourceDraft draft, @Nullable Upload upload, @Nullable ResourceId id) {
        InspectedFile file = upload == null ? null : inspector.inspect(upload);
        boolean needsFile = draft.kind() == ResourceKind.DOCUMENT || draft.kind() == ResourceKind.IMAGE;
        if (file != null) {
            if (draft.kind() == ResourceKind.IMAGE && !file.mediaType().startsWith("image/")) {
                throw new RefusedException("partners.upload.notAnImage", file.fileName());
            }
            if (!needsFile) {
                throw new RefusedException("partners.resource.noFileForKind");
            }
            return file;
        }
        if (needsFile
                && (id == null || resources.latestFile(id, Integer.MAX_VALUE).isEmpty())) {
            throw new RefusedException("partners.resource.fileRequired");
        }
        return id == null ? null : resources.latestFile(id, Integer.MAX_VALUE).orElse(null);
    }

    private static ResourceDraft checked(ResourceDraft draft) {
        String title = draft.title().strip();
        if (title.isEmpty()) {
            throw new RefusedException("partners.resource.titleRequired");
        }
        String category = draft.category().strip();
        if (category.isEmpty()) {
            throw new RefusedException("partners.resource.categoryRequired");
        }
        String url = draft.url() == null || draft.url().isBlank()
                ? null
                : draft.url().strip();
        if (draft.kind() == ResourceKind.VIDEO_LINK && url == null) {
            throw new RefusedException("partners.resource.urlRequired");
        }
        if (url != null && !(url.startsWith("https://") || url.startsWith("http://"))) {
            throw new RefusedException("partners.resource.urlInvalid");
        }
        List<String> tags = draft.tags().stream()
                .map(String::strip)
                .filter(t -> !t.isEmpty())
                .distinct()
                .toList();
        return new ResourceDraft(
                title,
                draft.description().strip(),
                draft.body().strip(),
                category,
                tags,
                draft.language(),
                draft.kind(),
                url,
                draft.reviewDate(),
                draft.needToKnow());
    }

    /** The caller as a reader: administered organisations, and the organisations at or above their groups. */
    private Resources.Reader reader() {
        UUID[] administered =
                access.reachable(Role.ADMIN).stream().map(o -> o.id().value()).toArray(UUID[]::new);
        Set<UUID> above = new HashSet<>();
        for (PartnerGroups.Membership membership : groups.memberships(GroupService.currentUser())) {
            Optional<OrganisationSummary> organisation =
                    access.organisation(membership.group().organisationId());
            while (organisation.isPresent() && above.add(organisation.get().id().value())) {
                OrganisationId parent = organisation.get().parentId();
                organisation = parent == null ? Optional.empty() : access.organisation(parent);
            }
        }
        return new Resources.Reader(GroupService.currentUser().value(), administered, above.toArray(UUID[]::new));
    }

    private static Map<String, Object> summary(Resource resource) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("title", resource.title());
        summary.put("kind", resource.kind().name());
        summary.put("language", resource.language().code());
        summary.put("version", resource.currentVersion());
        if (resource.fileName() != null) {
            summary.put("file", resource.fileName());
        }
        return summary;
    }

    private static Map<String, Object> sharing(Resource resource) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("allGroups", resource.allGroups());
        summary.put("groups", resource.groups().stream().map(GroupId::toString).toList());
        return summary;
    }
}
