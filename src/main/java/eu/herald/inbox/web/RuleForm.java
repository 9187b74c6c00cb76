package eu.herald.inbox.web;

import eu.herald.common.Channel;
import eu.herald.common.Language;
import eu.herald.common.RefusedException;
import eu.herald.inbox.Category;
import eu.herald.inbox.domain.Rule;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The playbook rule editor's form. */
public class RuleForm {

    private @Nullable UUID id;
    private @Nullable UUID organisation;
    private String name = "";
    private List<String> categories = new ArrayList<>();
    private List<String> channels = new ArrayList<>();
    private List<String> languages = new ArrayList<>();
    private String keywords = "";
    private String from = "";
    private String to = "";
    private String assignTeam = "";
    private String replyNl = "";
    private String replyFr = "";
    private String replyDe = "";
    private String replyEn = "";
    private String slaMinutes = "";
    private boolean slaWorkingTime = true;
    private boolean escalate;
    private boolean hide;
    private boolean forwardTip;

    static RuleForm of(Rule rule) {
        RuleForm form = new RuleForm();
        form.id = rule.id();
        form.organisation = rule.organisation();
        form.name = rule.name();
        form.categories = rule.categories().stream().map(Enum::name).toList();
        form.channels = rule.channels().stream().map(Enum::name).toList();
        form.languages = rule.languages().stream().map(Language::code).toList();
        form.keywords = String.join(", ", rule.keywords());
        form.from = rule.from() == null ? "" : rule.from().toString();
        form.to = rule.to() == null ? "" : rule.to().toString();
        form.assignTeam = rule.assignTeam() == null ? "" : rule.assignTeam();
        form.replyNl = rule.replies().getOrDefault(Language.NL, "");
        form.replyFr = rule.replies().getOrDefault(Language.FR, "");
        form.replyDe = rule.replies().getOrDefault(Language.DE, "");
        form.replyEn = rule.replies().getOrDefault(Language.EN, "");
        form.slaMinutes = rule.slaMinutes() == null ? "" : rule.slaMinutes().toString();
        form.slaWorkingTime = rule.slaWorkingTime();
        form.escalate = rule.escalate();
        form.hide = rule.hide();
        form.forwardTip = rule.forwardTip();
        return form;
    }

    /** The rule this form describes; refuses what cannot be read. */
    Rule toRule(UUID organisation, @Nullable Rule existing) {
        if (name.isBlank() || name.length() > 200) {
            throw new RefusedException("inbox.rule.nameRequired");
        }
        LocalTime start = time(from);
        LocalTime end = time(to);
        if ((start == null) != (end == null)) {
            throw new RefusedException("inbox.rule.timeBoth");
        }
        Integer sla = null;
        if (!slaMinutes.isBlank()) {
            try {
                sla = Integer.parseInt(slaMinutes.trim());
            } catch (NumberFormatException e) {
                throw new RefusedException("inbox.rule.slaInvalid");
            }
            if (sla <= 0 || sla > 60 * 24 * 30) {
                throw new RefusedException("inbox.rule.slaInvalid");
            }
        }
        Map<Language, String> replies = new EnumMap<>(Language.class);
        put(replies, Language.NL, replyNl);
        put(replies, Language.FR, replyFr);
        put(replies, Language.DE, replyDe);
        put(replies, Language.EN, replyEn);
        EnumSet<Category> cats = EnumSet.noneOf(Category.class);
        categories.forEach(c -> cats.add(Category.valueOf(c)));
        EnumSet<Channel> chans = EnumSet.noneOf(Channel.class);
        channels.forEach(c -> chans.add(Channel.valueOf(c)));
        EnumSet<Language> langs = EnumSet.noneOf(Language.class);
        languages.forEach(l -> Language.fromCode(l).ifPresent(langs::add));
        return new Rule(
                existing == null ? UUID.randomUUID() : existing.id(),
                organisation,
                existing == null ? 0 : existing.position(),
                name.strip(),
                cats,
                chans,
                Arrays.stream(keywords.split(","))
                        .map(String::strip)
                        .filter(k -> !k.isEmpty())
                        .toList(),
                langs,
                start,
                end,
                assignTeam.isBlank() ? null : assignTeam.strip(),
                existing == null ? null : existing.assignUser(),
                replies,
                sla,
                slaWorkingTime,
                escalate,
                hide,
                forwardTip);
    }

    private static void put(Map<Language, String> replies, Language language, String text) {
        if (!text.isBlank()) {
            replies.put(language, text.strip());
        }
    }

    private static @Nullable LocalTime time(String value) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new RefusedException("inbox.rule.timeInvalid");
        }
    }

    public @Nullable UUID getId() {
        return id;
    }

    public void setId(@Nullable UUID id) {
        this.id = id;
    }

    public @Nullable UUID getOrganisation() {
        return organisation;
    }

    public void setOrganisation(@Nullable UUID organisation) {
        this.organisation = organisation;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public List<String> getCategories() {
        return categories;
    }

    public void setCategories(List<String> categories) {
        this.categories = categories;
    }

    public List<String> getChannels() {
        return channels;
    }

    public void setChannels(List<String> channels) {
        this.channels = channels;
    }

    public List<String> getLanguages() {
        return languages;
    }

    public void setLanguages(List<String> languages) {
        this.languages = languages;
    }

    public String getKeywords() {
        return keywords;
    }

    public void setKeywords(String keywords) {
        this.keywords = keywords;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getAssignTeam() {
        return assignTeam;
    }

    public void setAssignTeam(String assignTeam) {
        this.assignTeam = assignTeam;
    }

    public String getReplyNl() {
        return replyNl;
    }

    public void setReplyNl(String replyNl) {
        this.replyNl = replyNl;
    }

    public String getReplyFr() {
        return replyFr;
    }

    public void setReplyFr(String replyFr) {
        this.replyFr = replyFr;
    }

    public String getReplyDe() {
        return replyDe;
    }

    public void setReplyDe(String replyDe) {
        this.replyDe = replyDe;
    }

    public String getReplyEn() {
        return replyEn;
    }

    public void setReplyEn(String replyEn) {
        this.replyEn = replyEn;
    }

    public String getSlaMinutes() {
        return slaMinutes;
    }

    public void setSlaMinutes(String slaMinutes) {
        this.slaMinutes = slaMinutes;
    }

    public boolean isSlaWorkingTime() {
        return slaWorkingTime;
    }

    public void setSlaWorkingTime(boolean slaWorkingTime) {
        this.slaWorkingTime = slaWorkingTime;
    }

    public boolean isEscalate() {
        return escalate;
    }

    public void setEscalate(boolean escalate) {
        this.escalate = escalate;
    }

    public boolean isHide() {
        return hide;
    }

    public void setHide(boolean hide) {
        this.hide = hide;
    }

    public boolean isForwardTip() {
        return forwardTip;
    }

    public void setForwardTip(boolean forwardTip) {
        this.forwardTip = forwardTip;
    }
}
