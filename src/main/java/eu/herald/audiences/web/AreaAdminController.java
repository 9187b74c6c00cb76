package eu.herald.audiences.web;

import eu.herald.audiences.domain.AreaDirectory;
import eu.herald.audiences.domain.AreaImporter;
import eu.herald.common.Language;
import eu.herald.common.RefusedException;
import java.io.IOException;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The areas an administrator keeps: search, and the import of a new official list — upload, read the report of
 * what changes, then apply it (all or nothing) or discard it.
 */
@Controller
@RequestMapping("/admin/areas")
class AreaAdminController {

    static final int SHOWN = 50;

    private final AreaDirectory areas;
    private final AreaImporter importer;
    private final LineErrors lineErrors;

    AreaAdminController(AreaDirectory areas, AreaImporter importer, LineErrors lineErrors) {
        this.areas = areas;
        this.importer = importer;
        this.lineErrors = lineErrors;
    }

    /** The page; with {@code HX-Request} only the search results, for the search-as-you-type. */
    @GetMapping
    String page(
            @RequestParam(defaultValue = "") String q,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        search(q, model);
        model.addAttribute("partial", htmx != null);
        if (htmx != null) {
            return "audiences/areas :: results";
        }
        return show(model);
    }

    @PostMapping("/import")
    String upload(
            @RequestParam(name = "file", required = false) MultipartFile file, Model model, RedirectAttributes redirect)
            throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileError", "audiences.import.fileRequired");
        } else {
            AreaImporter.Held held = importer.hold(file.getOriginalFilename(), file.getBytes());
            if (held.id() != null) {
                return "redirect:/admin/areas/import/" + held.id();
            }
            model.addAttribute("fileError", "audiences.import.fileRefused");
            model.addAttribute(
                    "lineErrors",
                    lineErrors.describe(held.checked().parsed().errors(), LocaleContextHolder.getLocale()));
            model.addAttribute("unlistedErrors", held.checked().parsed().unlistedErrors());
        }
        search("", model);
        return show(model);
    }

    @GetMapping("/import/{id}")
    String review(@PathVariable String id, Model model, RedirectAttributes redirect) {
        UUID upload = Ids.upload(id);
        try {
            model.addAttribute("review", importer.review(upload));
        } catch (RefusedException e) {
            redirect.addFlashAttribute("refusal", e.messageKey());
            return "redirect:/admin/areas";
        }
        model.addAttribute("language", language());
        return "audiences/area-import";
    }

    @PostMapping("/import/{id}/apply")
    String apply(@PathVariable String id, @RequestParam long revision, RedirectAttributes redirect) {
        UUID upload = Ids.upload(id);
        try {
            importer.apply(upload, revision);
            redirect.addFlashAttribute("saved", "audiences.import.applied");
            return "redirect:/admin/areas";
        } catch (RefusedException e) {
            redirect.addFlashAttribute("refusal", e.messageKey());
            return "redirect:/admin/areas/import/" + upload;
        }
    }

    @PostMapping("/import/{id}/discard")
    String discard(@PathVariable String id, RedirectAttributes redirect) {
        try {
            importer.discard(Ids.upload(id));
            redirect.addFlashAttribute("saved", "audiences.import.discarded");
        } catch (RefusedException e) {
            redirect.addFlashAttribute("refusal", e.messageKey());
        }
        return "redirect:/admin/areas";
    }

    private void search(String q, Model model) {
        Language language = language();
        model.addAttribute("q", q);
        model.addAttribute("areas", areas.search(q, SHOWN, language));
        model.addAttribute("language", language);
    }

    private String show(Model model) {
        model.addAttribute("counts", areas.counts());
        model.addAttribute("imports", importer.recent());
        model.addAttribute("maxMegabytes", eu.herald.audiences.domain.AreaFile.MAX_BYTES / (1024 * 1024));
        return "audiences/areas";
    }

    private static Language language() {
        return Language.of(LocaleContextHolder.getLocale());
    }
}
