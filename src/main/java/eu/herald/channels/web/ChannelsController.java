package eu.herald.channels.web;

import eu.herald.accounts.Access;
import eu.herald.accounts.OrganisationId;
import eu.herald.accounts.OrganisationSummary;
import eu.herald.accounts.Role;
import eu.herald.channels.ChannelAccount;
import eu.herald.channels.ChannelAccountId;
import eu.herald.channels.ChannelType;
import eu.herald.channels.ConnectorException;
import eu.herald.channels.connectors.Setting;
import eu.herald.channels.connectors.feed.FeedConnector;
import eu.herald.channels.domain.AccountView;
import eu.herald.channels.domain.ChannelAccountService;
import eu.herald.channels.domain.ChannelsProperties;
import eu.herald.channels.domain.CheckFailedException;
import eu.herald.channels.domain.SettingRefusedException;
import eu.herald.common.Language;
import eu.herald.common.NotFoundException;
import eu.herald.common.RefusedException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The channel accounts' pages: the list per organisation with health badges, connecting (type, then its settings),
 * an account's detail (health, check now, reconnect, disable). Owners manage; moderators and analysts read.
 */
@Controller
class ChannelsController {

    static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    static final List<Role> READERS = List.of(Role.ADMIN, Role.COMMUNICATOR, Role.MODERATOR, Role.ANALYST);

    private final ChannelAccountService accounts;
    private final Access access;
    private final FeedConnector feeds;
    private final ChannelsProperties properties;

    ChannelsController(
            ChannelAccountService accounts, Access access, FeedConnector feeds, ChannelsProperties properties) {
        this.accounts = accounts;
        this.access = access;
        this.feeds = feeds;
        this.properties = properties;
    }

    /** An account as a row or a detail page shows it: badges and times already in the reader's language and zone. */
    record Shown(
            AccountView view,
            String statusClass,
            boolean expiringSoon,
            String lastSuccess,
            String lastChecked,
            String lastErrorAt,
            String tokenExpiry,
            String rateLimitReset) {

        public ChannelAccount account() {
            return view.account();
        }
    }

    @GetMapping("/channels")
    String list(@RequestParam(required = false) @Nullable UUID organisation, Model model) {
        List<OrganisationSummary> organisations = readable();
        if (organisations.isEmpty()) {
            throw new NotFoundException("organisation");
        }
        OrganisationSummary selected = organisations.stream()
                .filter(o -> o.id().value().equals(organisation))
                .findFirst()
                .orElse(organisations.getFirst());
        if (organisation != null && !selected.id().value().equals(organisation)) {
            throw new NotFoundException("organisation");
        }
        model.addAttribute("organisations", organisations);
        model.addAttribute("selected", selected);
        model.addAttribute(
                "accounts",
                accounts.accounts(selected.id()).stream().map(this::shown).toList());
        model.addAttribute("manageable", accounts.canManage(selected.id()));
        model.addAttribute("uiLanguage", uiLanguage());
        return "channels/list";
    }

    @GetMapping("/channels/new")
    String connectForm(
            @RequestParam(required = false) @Nullable UUID organisation,
            @RequestParam(required = false) @Nullable ChannelType type,
            Model model) {
        AccountForm form = new AccountForm();
        form.setOrganisationId(organisation);
        form.setType(type);
        return connectPage(form, model);
    }

    @PostMapping("/channels")
    String connect(
            @ModelAttribute("form") AccountForm form, BindingResult errors, Model model, RedirectAttributes redirect) {
        if (form.getOrganisationId() == null || form.getType() == null) {
            return connectPage(form, model);
        }
        try {
            ChannelAccount account = accounts.connect(
                    new OrganisationId(form.getOrganisationId()), form.getType(), form.getName(), entered(form));
            redirect.addFlashAttribute("saved", "channels.connected");
            return "redirect:/channels/" + account.id();
        } catch (RefusedException e) {
            refused(e, errors);
            form.getSettings().replaceAll((key, value) -> secret(form.getType(), key) ? "" : value);
            return connectPage(form, model);
        }
    }

    @GetMapping("/channels/{id}")
    String detail(@PathVariable UUID id, Model model) {
        AccountView view = accounts.account(new ChannelAccountId(id));
        ChannelAccount account = view.account();
        model.addAttribute("shown", shown(view));
        model.addAttribute("settings", accounts.settings(account.type()));
        model.addAttribute("organisationName", organisationName(account.organisation()));
        if (account.type() == ChannelType.FEED) {
            model.addAttribute("atom", feeds.feedUrl(account.organisation().value(), "atom"));
            model.addAttribute("rss", feeds.feedUrl(account.organisation().value(), "rss"));
        }
        return "channels/detail";
    }

    @PostMapping("/channels/{id}/check")
    String check(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            accounts.checkNow(new ChannelAccountId(id));
            redirect.addFlashAttribute("saved", "channels.checked");
        } catch (ConnectorException e) {
            redirect.addFlashAttribute("refusal", "channels.check.failedNow");
        }
        return "redirect:/channels/" + id;
    }

    @GetMapping("/channels/{id}/reconnect")
    String reconnectForm(@PathVariable UUID id, Model model) {
        AccountView view = accounts.account(new ChannelAccountId(id));
        if (!view.manageable()) {
            throw new NotFoundException("channel account");
        }
        AccountForm form = new AccountForm();
        form.setName(view.account().name());
        form.setVersion(view.version());
        form.setSettings(new LinkedHashMap<>(view.settings()));
        return reconnectPage(view, form, model);
    }

    @PostMapping("/channels/{id}/reconnect")
    String reconnect(
            @PathVariable UUID id,
            @ModelAttribute("form") AccountForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        ChannelAccountId accountId = new ChannelAccountId(id);
        AccountView view = accounts.account(accountId);
        form.setType(view.account().type());
        try {
            accounts.reconnect(accountId, form.getVersion(), form.getName(), entered(form));
            redirect.addFlashAttribute("saved", "channels.reconnected");
            return "redirect:/channels/" + id;
        } catch (RefusedException e) {
            refused(e, errors);
        } catch (OptimisticLockingFailureException e) {
            errors.reject("form.conflict");
        }
        form.getSettings().replaceAll((key, value) -> secret(view.account().type(), key) ? "" : value);
        return reconnectPage(view, form, model);
    }

    @PostMapping("/channels/{id}/disable")
    String disable(@PathVariable UUID id, @RequestParam int version, RedirectAttributes redirect) {
        try {
            accounts.disable(new ChannelAccountId(id), version);
            redirect.addFlashAttribute("saved", "channels.disabled");
        } catch (OptimisticLockingFailureException e) {
            redirect.addFlashAttribute("refusal", "form.conflict");
        }
        return "redirect:/channels/" + id;
    }

    private String connectPage(AccountForm form, Model model) {
        List<OrganisationSummary> organisations = manageableOrganisations();
        if (organisations.isEmpty()) {
            throw new NotFoundException("organisation");
        }
        if (form.getOrganisationId() != null
                && organisations.stream().noneMatch(o -> o.id().value().equals(form.getOrganisationId()))) {
            throw new NotFoundException("organisation");
        }
        if (form.getOrganisationId() == null) {
            form.setOrganisationId(organisations.getFirst().id().value());
        }
        model.addAttribute("form", form);
        model.addAttribute("organisations", organisations);
        model.addAttribute("types", accounts.connectableTypes());
        model.addAttribute("uiLanguage", uiLanguage());
        if (form.getType() != null) {
            if (!accounts.connectableTypes().contains(form.getType())) {
                throw new NotFoundException("channel type");
            }
            model.addAttribute("fields", accounts.settings(form.getType()));
            model.addAttribute("storedSecrets", List.of());
        }
        return "channels/connect";
    }

    private String reconnectPage(AccountView view, AccountForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("shown", shown(view));
        model.addAttribute("fields", accounts.settings(view.account().type()));
        model.addAttribute("storedSecrets", List.copyOf(view.storedSecrets()));
        return "channels/reconnect";
    }

    private static void refused(RefusedException e, BindingResult errors) {
        if (e instanceof CheckFailedException failed) {
            errors.reject("channels.check.failed", new Object[] {failed.explanation()}, null);
        } else if (e instanceof SettingRefusedException setting) {
            errors.rejectValue("settings[" + setting.setting() + "]", e.messageKey(), e.arguments(), null);
        } else if (e.messageKey().startsWith("channels.name.")) {
            errors.rejectValue("name", e.messageKey(), e.arguments(), null);
        } else {
            errors.reject(e.messageKey(), e.arguments(), null);
        }
    }

    /** What the user typed for the type's settings (unknown keys dropped: forms only post the type's fields). */
    private Map<String, String> entered(AccountForm form) {
        Map<String, String> values = new LinkedHashMap<>();
        ChannelType type = form.getType();
        if (type == null) {
            return values;
        }
        for (Setting setting : accounts.settings(type)) {
            String value = form.getSettings().get(setting.key());
            if (value != null) {
                values.put(setting.key(), value);
            }
        }
        return values;
    }

    private boolean secret(@Nullable ChannelType type, String key) {
        return type != null
                && accounts.settings(type).stream().anyMatch(s -> s.key().equals(key) && s.secret());
    }

    private Shown shown(AccountView view) {
        ChannelAccount a = view.account();
        Instant now = Instant.now();
        boolean expiringSoon = a.tokenExpiresAt() != null
                && a.tokenExpiresAt().isBefore(now.plus(java.time.Duration.ofDays(properties.expiryNoticeDays())));
        String statusClass = switch (a.status()) {
            case ACTIVE -> "govuk-tag--green";
            case NEEDS_RECONNECTING -> "govuk-tag--red";
            case DISABLED -> "govuk-tag--grey";
        };
        return new Shown(
                view,
                statusClass,
                expiringSoon,
                format(a.lastSuccessAt()),
                format(view.lastCheckedAt()),
                format(view.lastErrorAt()),
                format(a.tokenExpiresAt()),
                format(view.rateLimitResetAt()));
    }

    private static String format(@Nullable Instant instant) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(LocaleContextHolder.getLocale())
                .withZone(BRUSSELS)
                .format(instant);
    }

    private List<OrganisationSummary> readable() {
        Map<UUID, OrganisationSummary> byId = new LinkedHashMap<>();
        for (Role role : READERS) {
            for (OrganisationSummary o : access.reachable(role)) {
                if (o.active()) {
                    byId.putIfAbsent(o.id().value(), o);
                }
            }
        }
        return new ArrayList<>(byId.values());
    }

    private List<OrganisationSummary> manageableOrganisations() {
        return readable().stream().filter(o -> accounts.canManage(o.id())).toList();
    }

    private String organisationName(OrganisationId id) {
        return access.organisation(id).map(o -> o.name(uiLanguage())).orElse(id.toString());
    }

    private static Language uiLanguage() {
        return Language.of(LocaleContextHolder.getLocale());
    }
}
