package eu.herald.accounts.web;

import eu.herald.accounts.Logo;
import eu.herald.accounts.OrganisationId;
import eu.herald.accounts.OrganisationKind;
import eu.herald.accounts.domain.Organisation;
import eu.herald.accounts.domain.OrganisationDirectory;
import eu.herald.common.Language;
import eu.herald.common.NotFoundException;
import eu.herald.common.RefusedException;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin pages for the organisation tree. */
@Controller
@RequestMapping("/admin/organisations")
class OrganisationController {

    private final OrganisationDirectory directory;
    private final MessageSource texts;

    OrganisationController(OrganisationDirectory directory, MessageSource texts) {
        this.directory = directory;
        this.texts = texts;
    }

    @GetMapping
    String tree(Model model) {
        model.addAttribute("organisations", directory.administered(language()));
        model.addAttribute("language", language());
        return "accounts/organisations";
    }

    @GetMapping("/new")
    String newOrganisation(@RequestParam String parent, Model model) {
        Organisation parentOrganisation = directory.get(OrganisationId.of(parent));
        OrganisationForm form = new OrganisationForm();
        form.setParentId(parent);
        form.setOfficialLanguages(parentOrganisation.officialLanguages().stream()
                .map(Language::code)
                .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new)));
        return showNew(form, parentOrganisation, model);
    }

    @PostMapping
    String create(
            @Valid @ModelAttribute("form") OrganisationForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        Organisation parent = directory.get(OrganisationId.of(form.getParentId() == null ? "" : form.getParentId()));
        if (!errors.hasErrors()) {
            try {
                Organisation created = directory.create(form.draft());
                redirect.addFlashAttribute("saved", created.name(language()));
                return "redirect:/admin/organisations";
            } catch (RefusedException e) {
                errors.reject(e.messageKey(), e.arguments(), e.messageKey());
            }
        }
        return showNew(form, parent, model);
    }

    @GetMapping("/{id}")
    String edit(@PathVariable OrganisationId id, Model model) {
        Organisation organisation = directory.get(id);
        return showEdit(OrganisationForm.of(organisation), organisation, model);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable OrganisationId id,
            @Valid @ModelAttribute("form") OrganisationForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        Organisation organisation = directory.get(id);
        form.setKind(organisation.kind());
        if (!errors.hasErrors()) {
            try {
                Organisation saved = directory.update(id, form.getVersion(), form.draft());
                redirect.addFlashAttribute("saved", saved.name(language()));
                return "redirect:/admin/organisations";
            } catch (RefusedException e) {
                errors.reject(e.messageKey(), e.arguments(), e.messageKey());
            } catch (OptimisticLockingFailureException e) {
                errors.reject("form.conflict");
            }
        }
        return showEdit(form, organisation, model);
    }

    @PostMapping("/{id}/deactivate")
    String deactivate(@PathVariable OrganisationId id, @RequestParam int version, RedirectAttributes redirect) {
        return change(() -> directory.deactivate(id, version), id, redirect);
    }

    @PostMapping("/{id}/reactivate")
    String reactivate(@PathVariable OrganisationId id, @RequestParam int version, RedirectAttributes redirect) {
        return change(() -> directory.reactivate(id, version), id, redirect);
    }

    @PostMapping("/{id}/logo")
    String uploadLogo(
            @PathVariable OrganisationId id,
            @RequestParam(required = false) @Nullable MultipartFile file,
            RedirectAttributes redirect)
            throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                directory.get(id);
                throw new RefusedException("organisation.logo.noFile");
            }
            directory.uploadLogo(id, file.getOriginalFilename(), file.getBytes());
            redirect.addFlashAttribute("logoSaved", "organisation.logo.uploaded");
        } catch (RefusedException e) {
            redirect.addFlashAttribute(
                    "logoRefusal", texts.getMessage(e.messageKey(), e.arguments(), LocaleContextHolder.getLocale()));
        }
        return "redirect:/admin/organisations/" + id + "#logo";
    }

    @PostMapping("/{id}/logo/remove")
    String removeLogo(@PathVariable OrganisationId id, RedirectAttributes redirect) {
        directory.removeLogo(id);
        redirect.addFlashAttribute("logoSaved", "organisation.logo.removed");
        return "redirect:/admin/organisations/" + id + "#logo";
    }

    /** The logo as the edit page previews it. */
    @GetMapping("/{id}/logo")
    ResponseEntity<byte[]> logo(@PathVariable OrganisationId id) {
        Logo logo = directory.logo(id).orElseThrow(() -> new NotFoundException("logo"));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(logo.contentType()))
                .cacheControl(CacheControl.noCache().cachePrivate())
                .header("X-Content-Type-Options", "nosniff")
                .body(logo.content());
    }

    private String change(Runnable change, OrganisationId id, RedirectAttributes redirect) {
        try {
            change.run();
            redirect.addFlashAttribute("saved", directory.get(id).name(language()));
        } catch (RefusedException e) {
            redirect.addFlashAttribute("refusal", e.messageKey());
        } catch (OptimisticLockingFailureException e) {
            redirect.addFlashAttribute("refusal", "form.conflict");
        }
        return "redirect:/admin/organisations/" + id;
    }

    private String showNew(OrganisationForm form, Organisation parent, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("parent", parent);
        model.addAttribute("language", language());
        model.addAttribute(
                "kinds",
                Arrays.stream(OrganisationKind.values())
                        .filter(k -> k.allowedParents().contains(parent.kind()))
                        .toList());
        model.addAttribute("officialLanguageChoices", List.of(Language.NL, Language.FR, Language.DE));
        model.addAttribute("editing", false);
        return "accounts/organisation-form";
    }

    private String showEdit(OrganisationForm form, Organisation organisation, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("organisation", organisation);
        model.addAttribute("language", language());
        model.addAttribute("officialLanguageChoices", List.of(Language.NL, Language.FR, Language.DE));
        model.addAttribute("editing", true);
        model.addAttribute("logo", directory.logo(organisation.id()).orElse(null));
        model.addAttribute("maxLogoMegabytes", OrganisationDirectory.MAX_LOGO_BYTES / (1024 * 1024));
        return "accounts/organisation-form";
    }

    private static Language language() {
        return Language.of(LocaleContextHolder.getLocale());
    }
}
