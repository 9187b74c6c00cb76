package eu.herald.partners.web;

import eu.herald.accounts.OrganisationId;
import eu.herald.accounts.UserId;
import eu.herald.common.Language;
import eu.herald.common.NotFoundException;
import eu.herald.common.RefusedException;
import eu.herald.partners.GroupId;
import eu.herald.partners.ResourceId;
import eu.herald.partners.domain.AlertService;
import eu.herald.partners.domain.GroupKind;
import eu.herald.partners.domain.GroupService;
import eu.herald.partners.domain.NeedToKnow;
import eu.herald.partners.domain.PartnerGroup;
import eu.herald.partners.domain.Question;
import eu.herald.partners.domain.QuestionService;
import eu.herald.partners.domain.Resource;
import eu.herald.partners.domain.ResourceKind;
import eu.herald.partners.domain.ToolboxService;
import eu.herald.partners.domain.UploadInspector;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The partner portal's pages: my groups, the toolbox with its search, a resource, and the administrators' forms. */
@Controller
class PartnersController {

    private final GroupService groups;
    private final ToolboxService toolbox;
    private final UploadInspector inspector;
    private final QuestionService questions;
    private final AlertService alerts;

    PartnersController(
            GroupService groups,
            ToolboxService toolbox,
            UploadInspector inspector,
            QuestionService questions,
            AlertService alerts) {
        this.groups = groups;
        this.toolbox = toolbox;
        this.inspector = inspector;
        this.questions = questions;
        this.alerts = alerts;
    }

    @PostMapping("/partners/groups/{id}/questions")
    String ask(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String body,
            @RequestParam(required = false) @Nullable Language language,
            RedirectAttributes redirect) {
        if (title.isBlank() || title.length() > 200 || body.length() > 10000) {
            redirect.addFlashAttribute("refusal", "partners.question.titleRequired");
            return "redirect:/partners/groups/" + id;
        }
        Question question = questions.ask(
                new GroupId(id),
                title,
                body,
                language == null ? Language.of(LocaleContextHolder.getLocale()) : language);
        redirect.addFlashAttribute("saved", "partners.question.asked");
        return "redirect:/partners/questions/" + question.id();
    }

    @GetMapping("/partners/questions/{id}")
    String question(@PathVariable UUID id, Model model) {
        model.addAttribute("thread", questions.thread(id));
        return "partners/question";
    }

    @PostMapping("/partners/questions/{id}/answers")
    String answer(@PathVariable UUID id, @RequestParam(defaultValue = "") String body, RedirectAttributes redirect) {
        if (body.isBlank() || body.length() > 10000) {
            redirect.addFlashAttribute("refusal", "partners.answer.bodyRequired");
        } else {
            questions.answer(id, body);
            redirect.addFlashAttribute("saved", "partners.answer.saved");
        }
        return "redirect:/partners/questions/" + id;
    }

    @PostMapping("/partners/questions/{id}/accept")
    String accept(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable UUID answerId,
            RedirectAttributes redirect) {
        if (answerId == null) {
            redirect.addFlashAttribute("refusal", "partners.answer.required");
            return "redirect:/partners/questions/" + id;
        }
        try {
            questions.accept(id, answerId);
            redirect.addFlashAttribute("saved", "partners.answer.accepted");
        } catch (RefusedException e) {
            redirect.addFlashAttribute("refusal", e.messageKey());
        }
        return "redirect:/partners/questions/" + id;
    }

    @PostMapping("/partners/questions/{id}/hide")
    String hideQuestion(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            questions.hideQuestion(id);
            redirect.addFlashAttribute("saved", "partners.post.hidden");
        } catch (RefusedException e) {
            redirect.addFlashAttribute("refusal", e.messageKey());
        }
        return "redirect:/partners/questions/" + id;
    }

    @PostMapping("/partners/answers/{id}/hide")
    String hideAnswer(@PathVariable UUID id, RedirectAttributes redirect) {
        UUID question = questions.hideAnswer(id);
        redirect.addFlashAttribute("saved", "partners.post.hidden");
        return "redirect:/partners/questions/" + question;
    }

    @GetMapping("/partners")
    String index(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String language,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        Language filter = language == null ? null : Language.fromCode(language).orElse(null);
        List<Resource> results = toolbox.search(q, filter);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("language", filter == null ? "" : filter.code());
        model.addAttribute("languages", Language.values());
        model.addAttribute("results", results);
        if (htmx != null) {
            return "partners/index :: results";
        }
        model.addAttribute("alerts", alerts.pinned());
        model.addAttribute("groups", groups.visible());
        model.addAttribute("organisations", groups.manageableOrganisations());
        model.addAttribute("kinds", GroupKind.values());
        model.addAttribute("uiLanguage", Language.of(LocaleContextHolder.getLocale()));
        return "partners/index";
    }

    @PostMapping("/partners/groups")
    String createGroup(
            @RequestParam(required = false) @Nullable UUID organisationId,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(required = false) @Nullable GroupKind kind,
            RedirectAttributes redirect) {
        if (organisationId == null || kind == null || name.isBlank()) {
            redirect.addFlashAttribute("refusal", "partners.group.incomplete");
            return "redirect:/partners";
        }
        try {
            PartnerGroup group = groups.create(new OrganisationId(organisationId), name, kind);
            redirect.addFlashAttribute("saved", "partners.group.created");
            return "redirect:/partners/groups/" + group.id();
        } catch (RefusedException e) {
            redirect.addFlashAttribute("refusal", e.messageKey());
            return "redirect:/partners";
        }
    }

    @GetMapping("/partners/groups/{id}")
    String group(@PathVariable UUID id, @RequestParam(required = false) @Nullable String q, Model model) {
        model.addAttribute("view", groups.view(new GroupId(id)));
        model.addAttribute("questions", questions.questions(new GroupId(id), q));
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("languages", Language.values());
        model.addAttribute("uiLanguage", Language.of(LocaleContextHolder.getLocale()));
        model.addAttribute("levels", NeedToKnow.values());
        return "partners/group";
    }

    @PostMapping("/partners/groups/{id}/members")
    String putMember(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "BASIC") NeedToKnow needToKnow,
            @RequestParam(defaultValue = "false") boolean coordinator,
            RedirectAttributes redirect) {
        try {
            groups.putMember(new GroupId(id), email, needToKnow, coordinator);
            redirect.addFlashAttribute("saved", "partners.member.saved");
        } catch (RefusedException e) {
            redirect.addFlashAttribute("refusal", "partners.member.notAdded");
        }
        return "redirect:/partners/groups/" + id;
    }

    @PostMapping("/partners/groups/{id}/members/{userId}/remove")
    String removeMember(@PathVariable UUID id, @PathVariable UUID userId, RedirectAttributes redirect) {
        groups.removeMember(new GroupId(id), new UserId(userId));
        redirect.addFlashAttribute("saved", "partners.member.removed");
        return "redirect:/partners/groups/" + id;
    }

    @GetMapping("/partners/resources/{id}")
    String resource(@PathVariable UUID id, Model model) {
        model.addAttribute("view", toolbox.view(new ResourceId(id)));
        return "partners/resource";
    }

    @GetMapping("/partners/resources/{id}/file")
    ResponseEntity<byte[]> file(@PathVariable UUID id, @RequestParam(required = false) @Nullable Integer version) {
        return PartnersApi.download(toolbox.file(new ResourceId(id), version));
    }

    @GetMapping("/partners/resources/new")
    String newResource(Model model) {
        ResourceForm form = new ResourceForm();
        form.setLanguage(Language.of(LocaleContextHolder.getLocale()));
        model.addAttribute("form", form);
        return formPage(model);
    }

    @PostMapping("/partners/resources")
    String create(
            @Valid @ModelAttribute("form") ResourceForm form,
            BindingResult errors,
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            Model model,
            RedirectAttributes redirect) {
        if (form.getOrganisationId() == null) {
            errors.rejectValue("organisationId", "partners.group.organisationRequired");
        }
        if (errors.hasErrors()) {
            return formPage(model);
        }
        try {
            Resource created = toolbox.create(
                    new OrganisationId(form.getOrganisationId()),
                    form.draft(),
                    PartnersApi.upload(file),
                    form.isAllGroups(),
                    form.groupIds());
            redirect.addFlashAttribute("saved", "partners.resource.created");
            return "redirect:/partners/resources/" + created.id();
        } catch (RefusedException e) {
            errors.reject(e.messageKey(), e.arguments(), e.messageKey());
            return formPage(model);
        }
    }

    /** The administrators' page for a resource: a new version (text and file) and whom it is shared with. */
    @GetMapping("/partners/resources/{id}/edit")
    String edit(@PathVariable UUID id, Model model) {
        var view = toolbox.view(new ResourceId(id));
        if (!view.manageable()) {
            throw new NotFoundException("resource");
        }
        model.addAttribute("form", ResourceForm.of(view.resource()));
        return editPage(view, model);
    }

    @PostMapping("/partners/resources/{id}/versions")
    String newVersion(
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") ResourceForm form,
            BindingResult errors,
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            Model model,
            RedirectAttributes redirect) {
        var view = toolbox.view(new ResourceId(id));
        if (errors.hasErrors()) {
            return editPage(view, model);
        }
        try {
            toolbox.newVersion(
                    new ResourceId(id), form.getVersion(), form.draft(), PartnersApi.upload(file), form.getNote());
            redirect.addFlashAttribute("saved", "partners.resource.versionSaved");
            return "redirect:/partners/resources/" + id;
        } catch (RefusedException e) {
            errors.reject(e.messageKey(), e.arguments(), e.messageKey());
            return editPage(view, model);
        } catch (OptimisticLockingFailureException e) {
            errors.reject("partners.resource.stale");
            return editPage(view, model);
        }
    }

    @PostMapping("/partners/resources/{id}/sharing")
    String share(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean allGroups,
            @RequestParam(name = "groups", required = false) @Nullable List<UUID> chosen,
            RedirectAttributes redirect) {
        toolbox.share(
                new ResourceId(id),
                allGroups,
                chosen == null ? List.of() : chosen.stream().map(GroupId::new).toList());
        redirect.addFlashAttribute("saved", "partners.resource.shared");
        return "redirect:/partners/resources/" + id;
    }

    private String editPage(ToolboxService.ResourceView view, Model model) {
        model.addAttribute("view", view);
        model.addAttribute(
                "shareable", groups.visible().stream().filter(groups::manages).toList());
        model.addAttribute("languages", Language.values());
        model.addAttribute("kinds", ResourceKind.values());
        model.addAttribute("levels", NeedToKnow.values());
        model.addAttribute("maxMegabytes", inspector.maxMegabytes());
        return "partners/resource-edit";
    }

    private String formPage(Model model) {
        model.addAttribute("organisations", groups.manageableOrganisations());
        model.addAttribute(
                "groups", groups.visible().stream().filter(groups::manages).toList());
        model.addAttribute("languages", Language.values());
        model.addAttribute("kinds", ResourceKind.values());
        model.addAttribute("levels", NeedToKnow.values());
        model.addAttribute("maxMegabytes", inspector.maxMegabytes());
        model.addAttribute("uiLanguage", Language.of(LocaleContextHolder.getLocale()));
        return "partners/resource-form";
    }
}
