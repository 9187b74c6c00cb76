package eu.herald.inbox.web;

import eu.herald.common.RefusedException;
import eu.herald.inbox.domain.ContactForm;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The public contact form: no sign-in, CSRF-protected, limited per client address, with a honeypot field that people
 * do not see (a form that fills it is thanked and dropped).
 */
@Controller
class ContactController {

    private final ContactForm contact;

    ContactController(ContactForm contact) {
        this.contact = contact;
    }

    @GetMapping("/contact")
    String form(Model model) {
        model.addAttribute("recipients", contact.recipients());
        model.addAttribute("selected", "");
        model.addAttribute("name", "");
        model.addAttribute("email", "");
        model.addAttribute("message", "");
        return "inbox/contact";
    }

    @PostMapping("/contact")
    ModelAndView send(
            @RequestParam(defaultValue = "") String organisation,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String message,
            @RequestParam(name = "website", defaultValue = "") String honeypot,
            HttpServletRequest request) {
        if (!honeypot.isEmpty()) {
            return new ModelAndView("inbox/contact-sent");
        }
        String refusal = null;
        UUID recipient = parse(organisation);
        if (recipient == null) {
            refusal = "inbox.contact.organisationRequired";
        } else if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || email.length() > 200) {
            refusal = "inbox.contact.emailInvalid";
        } else if (message.isBlank() || message.length() > 5000) {
            refusal = "inbox.contact.messageRequired";
        } else if (name.length() > 200) {
            refusal = "inbox.contact.nameTooLong";
        }
        if (refusal == null) {
            try {
                contact.submit(recipient, name, email, message, request.getRemoteAddr());
                return new ModelAndView("inbox/contact-sent");
            } catch (RefusedException e) {
                refusal = e.messageKey();
            }
        }
        ModelAndView page = new ModelAndView(
                "inbox/contact",
                "inbox.contact.tooMany".equals(refusal)
                        ? HttpStatus.TOO_MANY_REQUESTS
                        : HttpStatus.UNPROCESSABLE_CONTENT);
        page.addObject("recipients", contact.recipients());
        page.addObject("selected", organisation);
        page.addObject("name", name);
        page.addObject("email", email);
        page.addObject("message", message);
        page.addObject("refusal", refusal);
        return page;
    }

    private static @Nullable UUID parse(String value) {
        try {
            return value.isBlank() ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
