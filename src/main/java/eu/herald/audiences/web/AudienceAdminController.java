package eu.herald.audiences.web;

import eu.herald.audiences.AudienceId;
import eu.herald.audiences.Suitability;
import eu.herald.audiences.domain.AdviceCell;
import eu.herald.audiences.domain.AudienceCatalogue;
import eu.herald.audiences.domain.AudienceEntry;
import eu.herald.audiences.domain.ChannelMatrix;
import eu.herald.common.Channel;
import eu.herald.common.Language;
import eu.herald.common.RefusedException;
import jakarta.validation.Valid;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin pages: add, rename and deactivate audiences, and rate channels for them (the matrix). */
@Controller
@RequestMapping("/admin/audiences")
class AudienceAdminController {

    private final AudienceCatalogue catalogue;
    private final ChannelMatrix matrix;

    AudienceAdminController(AudienceCatalogue catalogue, ChannelMatrix matrix) {
        this.catalogue = catalogue;
        this.matrix = matrix;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("audiences", catalogue.all());
        model.addAttribute("language", language());
        return "audiences/admin-audiences";
    }

    @GetMapping("/new")
    String newAudience(Model model) {
        return showNew(new AudienceForm(), model);
    }

    @PostMapping
    String create(
            @Valid @ModelAttribute("form") AudienceForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                AudienceEntry created = catalogue.create(form.names());
                redirect.addFlashAttribute("saved", "audiences.audience.created");
                return "redirect:/admin/audiences/" + created.id();
            } catch (RefusedException e) {
                errors.reject(e.messageKey(), e.arguments(), e.messageKey());
            }
        }
        return showNew(form, model);
    }

    @GetMapping("/{id}")
    String edit(@PathVariable String id, Model model) {
        AudienceEntry entry = catalogue.get(Ids.audience(id));
        return showEdit(entry, AudienceForm.of(entry), model);
    }

    @PostMapping("/{id}")
    String rename(
            @PathVariable String id,
            @Valid @ModelAttribute("form") AudienceForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        AudienceEntry entry = catalogue.get(Ids.audience(id));
        if (!errors.hasErrors()) {
            try {
                catalogue.rename(entry.id(), form.getVersion(), form.names());
                redirect.addFlashAttribute("saved", "audiences.audience.saved");
                return "redirect:/admin/audiences/" + entry.id();
            } catch (RefusedException e) {
                errors.reject(e.messageKey(), e.arguments(), e.messageKey());
            } catch (OptimisticLockingFailureException e) {
                errors.reject("form.conflict");
            }
        }
        return showEdit(entry, form, model);
    }

    @PostMapping("/{id}/deactivate")
    String deactivate(@PathVariable String id, @RequestParam int version, RedirectAttributes redirect) {
        AudienceId audience = Ids.audience(id);
        return change(
                () -> catalogue.deactivate(audience, version), "audiences.audience.deactivated", audience, redirect);
    }

    @PostMapping("/{id}/reactivate")
    String reactivate(@PathVariable String id, @RequestParam int version, RedirectAttributes redirect) {
        AudienceId audience = Ids.audience(id);
        return change(
                () -> catalogue.reactivate(audience, version), "audiences.audience.reactivated", audience, redirect);
    }

    @GetMapping("/{id}/channels/{channel}")
    String cell(@PathVariable String id, @PathVariable String channel, Model model) {
        AudienceEntry entry = catalogue.get(Ids.audience(id));
        Channel chosen = Ids.channel(channel);
        AdviceCell cell = matrix.cell(entry.id(), chosen);
        return showCell(entry, chosen, CellForm.of(cell.suitability(), matrix.reasons(cell), cell.version()), model);
    }

    @PostMapping("/{id}/channels/{channel}")
    String editCell(
            @PathVariable String id,
            @PathVariable String channel,
            @Valid @ModelAttribute("form") CellForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        AudienceEntry entry = catalogue.get(Ids.audience(id));
        Channel chosen = Ids.channel(channel);
        Suitability suitability = form.getSuitability();
        if (!errors.hasErrors() && suitability != null) {
            try {
                matrix.edit(entry.id(), chosen, form.getVersion(), suitability, form.reasons());
                redirect.addFlashAttribute("saved", "audiences.matrix.saved");
                return "redirect:/admin/audiences/" + entry.id();
            } catch (RefusedException e) {
                errors.reject(e.messageKey(), e.arguments(), e.messageKey());
            } catch (OptimisticLockingFailureException e) {
                errors.reject("form.conflict");
            }
        }
        return showCell(entry, chosen, form, model);
    }

    private String change(Runnable change, String success, AudienceId audience, RedirectAttributes redirect) {
        try {
            change.run();
            redirect.addFlashAttribute("saved", success);
        } catch (RefusedException e) {
            redirect.addFlashAttribute("refusal", e.messageKey());
        } catch (OptimisticLockingFailureException e) {
            redirect.addFlashAttribute("refusal", "form.conflict");
        }
        return "redirect:/admin/audiences/" + audience;
    }

    private String showNew(AudienceForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("editing", false);
        model.addAttribute("language", language());
        return "audiences/audience-form";
    }

    private String showEdit(AudienceEntry entry, AudienceForm form, Model model) {
        Language language = language();
        model.addAttribute("form", form);
        model.addAttribute("editing", true);
        model.addAttribute("audience", entry);
        model.addAttribute("row", matrix.row(entry.id(), language));
        model.addAttribute("channels", Channel.values());
        model.addAttribute("language", language);
        return "audiences/audience-form";
    }

    private String showCell(AudienceEntry entry, Channel channel, CellForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("audience", entry);
        model.addAttribute("channel", channel);
        model.addAttribute("suitabilities", Suitability.values());
        model.addAttribute("language", language());
        return "audiences/cell-form";
    }

    private static Language language() {
        return Language.of(LocaleContextHolder.getLocale());
    }
}
