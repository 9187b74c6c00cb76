package eu.herald.campaigns.web;

import eu.herald.accounts.Access;
import eu.herald.accounts.Role;
import eu.herald.audiences.Audiences;
import eu.herald.campaigns.CampaignId;
import eu.herald.campaigns.MediaFile;
import eu.herald.campaigns.MessageId;
import eu.herald.campaigns.VariantId;
import eu.herald.campaigns.domain.FatigueBudgetExceeded;
import eu.herald.campaigns.domain.Message;
import eu.herald.campaigns.domain.MessageService;
import eu.herald.campaigns.domain.MessageView;
import eu.herald.campaigns.domain.TemplateService;
import eu.herald.campaigns.domain.Variant;
import eu.herald.common.Actor;
import eu.herald.common.Channel;
import eu.herald.common.Language;
import eu.herald.common.RefusedException;
import jakarta.validation.Valid;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Composing and approving: a message's page, its variant editor with live guardrails, the approval queue. */
@Controller
class MessageController {

    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    private final MessageService messages;
    private final TemplateService templates;
    private final Audiences audiences;
    private final Access access;
    private final MessageSource texts;

    MessageController(
            MessageService messages,
            TemplateService templates,
            Audiences audiences,
            Access access,
            MessageSource texts) {
        this.messages = messages;
        this.templates = templates;
        this.audiences = audiences;
        this.access = access;
        this.texts = texts;
    }

    @PostMapping("/campaigns/{id}/messages")
    String create(
            @PathVariable CampaignId id,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String masterText,
            RedirectAttributes redirect) {
        if (title.isBlank() || title.length() > 200) {
            redirect.addFlashAttribute("refusal", "message.error.title");
            return "redirect:/campaigns/" + id;
        }
        Message message = messages.create(id, title, masterText);
        redirect.addFlashAttribute("saved", "message.created");
        return "redirect:/messages/" + message.id();
    }

    @GetMapping("/messages/{id}")
    String show(@PathVariable MessageId id, Model model) {
        MessageView view = messages.view(id);
        Language language = language();
        model.addAttribute("view", view);
        model.addAttribute("message", view.message());
        model.addAttribute("campaign", view.campaign());
        model.addAttribute("language", language);
        model.addAttribute("channels", Channel.values());
        model.addAttribute("languages", Language.values());
        var organisation = view.campaign().organisation();
        boolean communicator = access.currentUserCan(Role.COMMUNICATOR, organisation);
        boolean approver = access.currentUserCan(Role.APPROVER, organisation);
        boolean author = view.message().authorId().equals(Actor.current().userId());
        model.addAttribute("canWrite", communicator);
        model.addAttribute("canApprove", approver && !author);
        model.addAttribute("canSchedule", communicator || approver);
        model.addAttribute("isApprover", approver);
        model.addAttribute(
                "audienceNames",
                view.campaign().audiences().stream()
                        .map(a ->
                                audiences.audience(a).map(x -> x.name(language)).orElse("?"))
                        .toList());
        model.addAttribute("areas", audiences.areas(view.campaign().areas()));
        model.addAttribute("lineage", templates.lineage(view.message()));
        model.addAttribute("resharedFrom", templates.resharedFrom(id));
        model.addAttribute(
                "federal",
                access.organisation(organisation)
                        .map(o -> o.kind() == eu.herald.accounts.OrganisationKind.FEDERAL)
                        .orElse(false));
        return "campaigns/message";
    }

    @PostMapping("/messages/{id}")
    String edit(
            @PathVariable MessageId id,
            @RequestParam int version,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String masterText,
            RedirectAttributes redirect) {
        return change(id, redirect, "message.saved", () -> {
            if (title.isBlank() || title.length() > 200) {
                throw new RefusedException("message.error.title");
            }
            messages.edit(id, version, title, masterText);
        });
    }

    @GetMapping("/messages/{id}/variants/new")
    String newVariant(
            @PathVariable MessageId id,
            @RequestParam(required = false) Channel channel,
            @RequestParam(required = false) Language language,
            Model model) {
        MessageView view = messages.view(id);
        VariantForm form = new VariantForm();
        form.setChannel(channel);
        form.setLanguage(language == null ? null : language.code());
        form.setVersion(view.message().version());
        view.variants().stream()
                .map(MessageView.CheckedVariant::variant)
                .filter(v -> v.channel() == channel && v.language() == language)
                .findFirst()
                .ifPresentOrElse(
                        v -> fill(form, v), () -> form.setText(view.message().masterText()));
        return showVariant(view, form, model);
    }

    @GetMapping("/messages/{id}/variants/{variant}")
    String editVariant(@PathVariable MessageId id, @PathVariable VariantId variant, Model model) {
        MessageView view = messages.view(id);
        Variant existing = view.variants().stream()
                .map(MessageView.CheckedVariant::variant)
                .filter(v -> v.id().equals(variant))
                .findFirst()
                .orElseThrow(() -> new eu.herald.common.NotFoundException("variant"));
        VariantForm form = new VariantForm();
        fill(form, existing);
        form.setVersion(view.message().version());
        return showVariant(view, form, model);
    }

    @PostMapping("/messages/{id}/variants")
    String saveVariant(
            @PathVariable MessageId id,
            @Valid @ModelAttribute("form") VariantForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                messages.saveVariant(
                        id,
                        form.getVersion(),
                        form.getChannel(),
                        form.chosenLanguage(),
                        form.getText(),
                        form.attached(),
                        form.attachedNames());
                redirect.addFlashAttribute("saved", "variant.saved");
                return "redirect:/messages/" + id;
            } catch (RefusedException e) {
                errors.reject(e.messageKey(), e.arguments(), e.messageKey());
            } catch (OptimisticLockingFailureException e) {
                errors.reject("form.conflict");
            }
        }
        form.padMedia();
        return showVariant(messages.view(id), form, model);
    }

    @PostMapping("/messages/{id}/variants/{variant}/remove")
    String removeVariant(
            @PathVariable MessageId id,
            @PathVariable VariantId variant,
            @RequestParam int version,
            RedirectAttributes redirect) {
        return change(id, redirect, "variant.removed", () -> messages.removeVariant(id, version, variant));
    }

    @PostMapping("/messages/{id}/variants/{variant}/images")
    String uploadImage(
            @PathVariable MessageId id,
            @PathVariable VariantId variant,
            @RequestParam(defaultValue = "-1") int version,
            @RequestParam(defaultValue = "") String altText,
            @RequestParam(required = false) @Nullable MultipartFile file,
            RedirectAttributes redirect)
            throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                messages.view(id);
                throw new RefusedException("media.error.noFile");
            }
            messages.uploadImage(id, version, variant, file.getOriginalFilename(), file.getBytes(), altText);
            redirect.addFlashAttribute("saved", "media.uploaded");
        } catch (RefusedException e) {
            refuse(redirect, e);
            redirect.addFlashAttribute("typedAltText", altText);
        } catch (OptimisticLockingFailureException e) {
            redirect.addFlashAttribute("refusal", "form.conflict");
        }
        return "redirect:/messages/" + id + "/variants/" + variant;
    }

    @PostMapping("/messages/{id}/variants/{variant}/images/{media}/remove")
    String removeImage(
            @PathVariable MessageId id,
            @PathVariable VariantId variant,
            @PathVariable UUID media,
            @RequestParam(defaultValue = "-1") int version,
            RedirectAttributes redirect) {
        try {
            messages.removeMedium(id, version, variant, media);
            redirect.addFlashAttribute("saved", "media.removed");
        } catch (RefusedException e) {
            refuse(redirect, e);
        } catch (OptimisticLockingFailureException e) {
            redirect.addFlashAttribute("refusal", "form.conflict");
        }
        return "redirect:/messages/" + id + "/variants/" + variant;
    }

    /** An uploaded image, for whoever may read the campaign; private to the browser's cache. */
    @GetMapping("/messages/{id}/variants/{variant}/images/{media}")
    ResponseEntity<byte[]> image(
            @PathVariable MessageId id, @PathVariable VariantId variant, @PathVariable UUID media) {
        MediaFile file = messages.image(id, variant, media);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .cacheControl(CacheControl.noCache().cachePrivate())
                .header("X-Content-Type-Options", "nosniff")
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename(file.fileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(file.content());
    }

    private void refuse(RedirectAttributes redirect, RefusedException e) {
        redirect.addFlashAttribute("refusal", e.messageKey());
        redirect.addFlashAttribute(
                "refusalText", texts.getMessage(e.messageKey(), e.arguments(), LocaleContextHolder.getLocale()));
    }

    @PostMapping("/messages/{id}/submit")
    String submit(@PathVariable MessageId id, @RequestParam int version, RedirectAttributes redirect) {
        return change(id, redirect, "message.submitted", () -> messages.submit(id, version));
    }

    @PostMapping("/messages/{id}/approve")
    String approve(@PathVariable MessageId id, @RequestParam int version, RedirectAttributes redirect) {
        return change(id, redirect, "message.approved", () -> messages.approve(id, version));
    }

    @PostMapping("/messages/{id}/request-changes")
    String requestChanges(
            @PathVariable MessageId id,
            @RequestParam int version,
            @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        return change(id, redirect, "message.changesRequested", () -> messages.requestChanges(id, version, reason));
    }

    @PostMapping("/messages/{id}/schedule")
    String schedule(
            @PathVariable MessageId id,
            @RequestParam int version,
            @RequestParam(defaultValue = "") String at,
            @RequestParam(defaultValue = "") String overrideReason,
            RedirectAttributes redirect) {
        try {
            var when = LocalDateTime.parse(at).atZone(BRUSSELS).toInstant();
            messages.schedule(id, version, when, overrideReason.isBlank() ? null : overrideReason);
            redirect.addFlashAttribute("saved", "message.scheduled");
        } catch (FatigueBudgetExceeded e) {
            redirect.addFlashAttribute("refusal", e.messageKey());
            redirect.addFlashAttribute("conflicts", ConflictView.of(e.conflicts()));
            redirect.addFlashAttribute("requestedAt", at);
        } catch (RefusedException e) {
            redirect.addFlashAttribute("refusal", e.messageKey());
            redirect.addFlashAttribute(
                    "refusalText", texts.getMessage(e.messageKey(), e.arguments(), LocaleContextHolder.getLocale()));
        } catch (DateTimeParseException e) {
            redirect.addFlashAttribute("refusal", "schedule.error.when");
        } catch (OptimisticLockingFailureException e) {
            redirect.addFlashAttribute("refusal", "form.conflict");
        }
        return "redirect:/messages/" + id;
    }

    @PostMapping("/messages/{id}/unschedule")
    String unschedule(@PathVariable MessageId id, @RequestParam int version, RedirectAttributes redirect) {
        return change(id, redirect, "message.unscheduled", () -> messages.unschedule(id, version));
    }

    @PostMapping("/messages/{id}/comments")
    String comment(
            @PathVariable MessageId id, @RequestParam(defaultValue = "") String body, RedirectAttributes redirect) {
        return change(id, redirect, "comment.saved", () -> messages.comment(id, body));
    }

    @GetMapping("/approvals")
    String approvals(Model model) {
        model.addAttribute("messages", messages.approvalQueue());
        return "campaigns/approvals";
    }

    /** A fatigue conflict as the message page lists it; flash attributes live in the session, so serializable. */
    record ConflictView(String area, int count, int cap, List<Other> messages) implements java.io.Serializable {

        record Other(String id, String title, java.time.Instant at) implements java.io.Serializable {}

        static List<ConflictView> of(List<eu.herald.campaigns.domain.FatigueBudget.Conflict> conflicts) {
            return conflicts.stream()
                    .map(c -> new ConflictView(
                            c.area(),
                            c.messages().size(),
                            c.cap().maxMessages(),
                            c.messages().stream()
                                    .map(m -> new Other(m.id().toString(), m.title(), m.at()))
                                    .toList()))
                    .toList();
        }
    }

    private String change(MessageId id, RedirectAttributes redirect, String success, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("saved", success);
        } catch (RefusedException e) {
            redirect.addFlashAttribute("refusal", e.messageKey());
            redirect.addFlashAttribute(
                    "refusalText", texts.getMessage(e.messageKey(), e.arguments(), LocaleContextHolder.getLocale()));
        } catch (OptimisticLockingFailureException e) {
            redirect.addFlashAttribute("refusal", "form.conflict");
        }
        return "redirect:/messages/" + id;
    }

    private String showVariant(MessageView view, VariantForm form, Model model) {
        model.addAttribute("view", view);
        model.addAttribute("message", view.message());
        model.addAttribute("form", form);
        model.addAttribute("channels", Channel.values());
        model.addAttribute("languages", Language.values());
        model.addAttribute("mediaKinds", eu.herald.guardrails.Media.Kind.values());
        model.addAttribute("maxImageMegabytes", MessageService.MAX_IMAGE_BYTES / (1024 * 1024));
        model.addAttribute("maxImages", MessageService.MAX_IMAGES);
        model.addAttribute("required", view.requiredLanguages());
        model.addAttribute("organisation", view.campaign().organisation());
        model.addAttribute(
                "canWrite",
                access.currentUserCan(Role.COMMUNICATOR, view.campaign().organisation()));
        model.addAttribute(
                "savedVariant",
                view.variants().stream()
                        .filter(v -> v.variant().channel() == form.getChannel()
                                && v.variant().language() == form.chosenLanguage())
                        .findFirst()
                        .orElse(null));
        return "campaigns/variant";
    }

    private static void fill(VariantForm form, Variant variant) {
        form.setChannel(variant.channel());
        form.setLanguage(variant.language().code());
        form.setText(variant.body());
        List<VariantForm.MediaEntry> rows = new java.util.ArrayList<>();
        for (int i = 0; i < variant.media().size(); i++) {
            if (variant.uploaded(i)) {
                continue; // an uploaded image has its own form, with its file and alt text
            }
            var media = variant.media().get(i);
            VariantForm.MediaEntry row = new VariantForm.MediaEntry();
            row.setName(variant.mediaNames().get(i));
            row.setKind(media.kind());
            row.setAltText(media.altText() == null ? "" : media.altText());
            row.setCaptioned(media.captionsOrTranscript());
            rows.add(row);
        }
        form.setMedia(rows);
        form.padMedia();
    }

    private static Language language() {
        return Language.of(LocaleContextHolder.getLocale());
    }
}
