package eu.herald.partners.web;

import eu.herald.accounts.OrganisationId;
import eu.herald.accounts.UserId;
import eu.herald.common.Language;
import eu.herald.common.RefusedException;
import eu.herald.partners.GroupId;
import eu.herald.partners.ResourceId;
import eu.herald.partners.domain.Answer;
import eu.herald.partners.domain.GroupKind;
import eu.herald.partners.domain.GroupService;
import eu.herald.partners.domain.Member;
import eu.herald.partners.domain.NeedToKnow;
import eu.herald.partners.domain.PartnerGroup;
import eu.herald.partners.domain.Question;
import eu.herald.partners.domain.QuestionService;
import eu.herald.partners.domain.Resource;
import eu.herald.partners.domain.ResourceKind;
import eu.herald.partners.domain.ResourceVersion;
import eu.herald.partners.domain.StoredFile;
import eu.herald.partners.domain.ToolboxService;
import eu.herald.partners.domain.Upload;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The closed partner portal's API: groups, members and the toolbox. Nothing here is public. */
@RestController
@RequestMapping("/api/v1/partners")
@Tag(name = "Partners", description = "Partner groups and the toolbox of the closed partner portal")
class PartnersApi {

    private final GroupService groups;
    private final ToolboxService toolbox;
    private final QuestionService questions;

    PartnersApi(GroupService groups, ToolboxService toolbox, QuestionService questions) {
        this.groups = groups;
        this.toolbox = toolbox;
        this.questions = questions;
    }

    record QuestionJson(
            UUID id,
            UUID groupId,
            String askerName,
            String title,
            String body,
            String language,
            @Nullable UUID acceptedAnswerId,
            boolean hidden,
            Instant createdAt,
            int answers) {
        static QuestionJson of(Question q) {
            return new QuestionJson(
                    q.id(),
                    q.groupId().value(),
                    q.askerName(),
                    q.title(),
                    q.body(),
                    q.language().code(),
                    q.acceptedAnswerId(),
                    q.hidden(),
                    q.createdAt(),
                    q.answers());
        }
    }

    record AnswerJson(UUID id, String authorName, String body, boolean hidden, Instant createdAt) {
        static AnswerJson of(Answer a) {
            return new AnswerJson(a.id(), a.authorName(), a.body(), a.hidden(), a.createdAt());
        }
    }

    record ThreadJson(QuestionJson question, boolean moderator, boolean canAccept, List<AnswerJson> answers) {}

    record NewQuestion(
            @NotBlank(message = "{partners.question.titleRequired}") @Size(max = 200, message = "{form.tooLong}")
            String title,

            @Size(max = 10000, message = "{form.tooLong}") @Nullable
            String body,

            @NotNull(message = "{partners.resource.languageRequired}")
            Language language) {}

    record NewAnswer(
            @NotBlank(message = "{partners.answer.bodyRequired}") @Size(max = 10000, message = "{form.tooLong}")
            String body) {}

    record Acceptance(
            @NotNull(message = "{partners.answer.required}") UUID answerId) {}

    @GetMapping("/groups/{id}/questions")
    @Operation(summary = "The group's questions, newest first; q searches them in each question's language")
    List<QuestionJson> questions(@PathVariable UUID id, @RequestParam(required = false) @Nullable String q) {
        return questions.questions(new GroupId(id), q).stream()
                .map(QuestionJson::of)
                .toList();
    }

    @PostMapping("/groups/{id}/questions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ask the group a question (members and the organisation's administrators)")
    QuestionJson ask(@PathVariable UUID id, @Valid @RequestBody NewQuestion question) {
        return QuestionJson.of(questions.ask(
                new GroupId(id),
                question.title(),
                question.body() == null ? "" : question.body(),
                question.language()));
    }

    @GetMapping("/questions/{id}")
    @Operation(summary = "A question with its answers")
    ThreadJson thread(@PathVariable UUID id) {
        var thread = questions.thread(id);
        return new ThreadJson(
                QuestionJson.of(thread.question()),
                thread.moderator(),
                thread.canAccept(),
                thread.answers().stream().map(AnswerJson::of).toList());
    }

    @PostMapping("/questions/{id}/answers")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Answer a question; the asker is told by email")
    AnswerJson answer(@PathVariable UUID id, @Valid @RequestBody NewAnswer answer) {
        return AnswerJson.of(questions.answer(id, answer.body()));
    }

    @PostMapping("/questions/{id}/accept")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "The asker or a coordinator accepts an answer")
    void accept(@PathVariable UUID id, @Valid @RequestBody Acceptance acceptance) {
        questions.accept(id, acceptance.answerId());
    }

    @PostMapping("/questions/{id}/hide")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "A coordinator hides a question")
    void hideQuestion(@PathVariable UUID id) {
        questions.hideQuestion(id);
    }

    @PostMapping("/answers/{id}/hide")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "A coordinator hides an answer")
    void hideAnswer(@PathVariable UUID id) {
        questions.hideAnswer(id);
    }

    record GroupJson(UUID id, UUID organisationId, String name, GroupKind kind) {
        static GroupJson of(PartnerGroup group) {
            return new GroupJson(group.id().value(), group.organisationId().value(), group.name(), group.kind());
        }
    }

    record MemberJson(UUID userId, String displayName, NeedToKnow needToKnow, boolean coordinator) {
        static MemberJson of(Member member) {
            return new MemberJson(
                    member.userId().value(), member.displayName(), member.needToKnow(), member.coordinator());
        }
    }

    record GroupDetailJson(GroupJson group, boolean manageable, List<MemberJson> members) {}

    record NewGroup(
            @NotNull(message = "{partners.group.organisationRequired}")
            UUID organisationId,

            @NotBlank(message = "{partners.group.nameRequired}") @Size(max = 200, message = "{form.tooLong}")
            String name,

            @NotNull(message = "{partners.group.kindRequired}")
            GroupKind kind) {}

    record MemberRequest(
            @NotBlank(message = "{partners.member.emailRequired}")
            String email,

            @NotNull(message = "{partners.member.needToKnowRequired}")
            NeedToKnow needToKnow,

            boolean coordinator) {}

    record Sharing(boolean allGroups, @Nullable List<UUID> groups) {}

    record ResourceJson(
            UUID id,
            UUID organisationId,
            String title,
            String description,
            String body,
            String category,
            List<String> tags,
            String language,
            ResourceKind kind,
            @Nullable String url,
            @Nullable LocalDate reviewDate,
            NeedToKnow needToKnow,
            boolean allGroups,
            List<UUID> groups,
            int version,
            @Nullable String fileName,
            @Nullable String mediaType,
            long sizeBytes) {
        static ResourceJson of(Resource r) {
            return new ResourceJson(
                    r.id().value(),
                    r.organisationId().value(),
                    r.title(),
                    r.description(),
                    r.body(),
                    r.category(),
                    r.tags(),
                    r.language().code(),
                    r.kind(),
                    r.url(),
                    r.reviewDate(),
                    r.needToKnow(),
                    r.allGroups(),
                    r.groups().stream().map(GroupId::value).toList(),
                    r.currentVersion(),
                    r.fileName(),
                    r.mediaType(),
                    r.sizeBytes());
        }
    }

    record VersionJson(
            int number,
            String title,
            @Nullable String fileName,
            @Nullable String mediaType,
            long sizeBytes,
            String note,
            Instant changedAt) {
        static VersionJson of(ResourceVersion v) {
            return new VersionJson(
                    v.number(), v.title(), v.fileName(), v.mediaType(), v.sizeBytes(), v.note(), v.changedAt());
        }
    }

    record ResourceDetailJson(ResourceJson resource, boolean manageable, List<VersionJson> versions) {}

    @GetMapping("/groups")
    @Operation(summary = "The groups the caller belongs to or administers")
    List<GroupJson> groups() {
        return groups.visible().stream().map(GroupJson::of).toList();
    }

    @PostMapping("/groups")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "ADMIN: create a group in an organisation the caller administers")
    GroupJson createGroup(@Valid @RequestBody NewGroup group) {
        return GroupJson.of(groups.create(new OrganisationId(group.organisationId()), group.name(), group.kind()));
    }

    @GetMapping("/groups/{id}")
    @Operation(summary = "A group and its members (404 for a group the caller neither belongs to nor administers)")
    GroupDetailJson group(@PathVariable UUID id) {
        var view = groups.view(new GroupId(id));
        return new GroupDetailJson(
                GroupJson.of(view.group()),
                view.manageable(),
                view.members().stream().map(MemberJson::of).toList());
    }

    @PutMapping("/groups/{id}/members")
    @Operation(summary = "ADMIN: add a user (by email) to the group, or change their need-to-know and coordinator flag")
    MemberJson putMember(@PathVariable UUID id, @Valid @RequestBody MemberRequest member) {
        return MemberJson.of(
                groups.putMember(new GroupId(id), member.email(), member.needToKnow(), member.coordinator()));
    }

    @DeleteMapping("/groups/{id}/members/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "ADMIN: remove a member from the group")
    void removeMember(@PathVariable UUID id, @PathVariable UUID userId) {
        groups.removeMember(new GroupId(id), new UserId(userId));
    }

    @GetMapping("/resources")
    @Operation(
            summary = "Search the toolbox: what is shared with the caller's groups, best match first",
            description = "q is read with each resource's own language (PostgreSQL dutch, french, german, english"
                    + " text search); language filters by the resource's language (nl, fr, de, en).")
    List<ResourceJson> resources(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String language) {
        Language filter = language == null || language.isBlank()
                ? null
                : Language.fromCode(language)
                        .orElseThrow(() -> new RefusedException("partners.search.unknownLanguage"));
        return toolbox.search(q, filter).stream().map(ResourceJson::of).toList();
    }

    @GetMapping("/resources/{id}")
    @Operation(summary = "A resource with its version history (404 when it is not shared with the caller)")
    ResourceDetailJson resource(@PathVariable UUID id) {
        var view = toolbox.view(new ResourceId(id));
        return new ResourceDetailJson(
                ResourceJson.of(view.resource()),
                view.manageable(),
                view.versions().stream().map(VersionJson::of).toList());
    }

    @GetMapping("/resources/{id}/file")
    @Operation(summary = "Download the resource's file (or the file of ?version=n), always as an attachment")
    ResponseEntity<byte[]> file(@PathVariable UUID id, @RequestParam(required = false) @Nullable Integer version) {
        return download(toolbox.file(new ResourceId(id), version));
    }

    @PostMapping(value = "/resources", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "ADMIN: add a resource (multipart form fields, optional part `file`)",
            description =
                    "A file's type is detected from its content (PDF, PNG, JPEG, GIF); a file that is not what its"
                            + " name or declared type claims, empty or over the limit is refused with 422.")
    ResourceJson create(
            @Valid @ModelAttribute ResourceForm form,
            BindingResult errors,
            @RequestPart(name = "file", required = false) @Nullable MultipartFile file)
            throws BindException {
        if (errors.hasErrors()) {
            throw new BindException(errors);
        }
        if (form.getOrganisationId() == null) {
            throw new RefusedException("partners.group.organisationRequired");
        }
        return ResourceJson.of(toolbox.create(
                new OrganisationId(form.getOrganisationId()),
                form.draft(),
                upload(file),
                form.isAllGroups(),
                form.groupIds()));
    }

    @PostMapping(value = "/resources/{id}/versions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary =
                    "ADMIN: a new version (form field `version` = the current version; without a file the file is kept)")
    ResourceJson newVersion(
            @PathVariable UUID id,
            @Valid @ModelAttribute ResourceForm form,
            BindingResult errors,
            @RequestPart(name = "file", required = false) @Nullable MultipartFile file)
            throws BindException {
        if (errors.hasErrors()) {
            throw new BindException(errors);
        }
        return ResourceJson.of(
                toolbox.newVersion(new ResourceId(id), form.getVersion(), form.draft(), upload(file), form.getNote()));
    }

    @PutMapping("/resources/{id}/sharing")
    @Operation(summary = "ADMIN: share with chosen groups, or with every group of the owning organisation and below")
    ResourceJson share(@PathVariable UUID id, @RequestBody Sharing sharing) {
        List<UUID> chosen = sharing.groups() == null ? List.of() : sharing.groups();
        return ResourceJson.of(toolbox.share(
                new ResourceId(id),
                sharing.allGroups(),
                chosen.stream().map(GroupId::new).toList()));
    }

    static @Nullable Upload upload(@Nullable MultipartFile file) {
        if (file == null
                || (file.isEmpty()
                        && (file.getOriginalFilename() == null
                                || file.getOriginalFilename().isBlank()))) {
            return null;
        }
        try {
            return new Upload(
                    file.getOriginalFilename() == null ? "" : file.getOriginalFilename(),
                    file.getContentType(),
                    file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ResponseEntity<byte[]> download(StoredFile file) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.mediaType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(file.fileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .body(file.content());
    }
}
