package eu.herald.campaigns.web;

import eu.herald.audiences.Audiences;
import eu.herald.campaigns.domain.ContentCalendar;
import eu.herald.common.Channel;
import eu.herald.common.Language;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The content calendar: a week or a month of scheduled messages with the fatigue load of each week. */
@Controller
class CalendarController {

    private final ContentCalendar calendar;
    private final Audiences audiences;

    CalendarController(ContentCalendar calendar, Audiences audiences) {
        this.calendar = calendar;
        this.audiences = audiences;
    }

    @GetMapping("/calendar")
    String calendar(
            @RequestParam(defaultValue = "week") String view,
            @RequestParam(defaultValue = "") String date,
            @RequestParam(defaultValue = "") String audience,
            @RequestParam(defaultValue = "") String area,
            @RequestParam(defaultValue = "") String channel,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        boolean month = "month".equals(view);
        LocalDate day = parse(date);
        LocalDate from = month ? day.withDayOfMonth(1) : day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate to = month ? from.plusMonths(1) : from.plusWeeks(1);
        ContentCalendar.Filter filter = new ContentCalendar.Filter(
                CampaignController.audienceIds(audience.isBlank() ? List.of() : List.of(audience)).stream()
                        .findFirst()
                        .orElse(null),
                area.matches("\\d{5}") ? area : null,
                Arrays.stream(Channel.values())
                        .filter(c -> c.name().equals(channel))
                        .findFirst()
                        .orElse(null));
        List<ContentCalendar.Entry> entries = calendar.entries(from, to, filter);
        Language language = Language.of(LocaleContextHolder.getLocale());
        model.addAttribute("month", month);
        model.addAttribute("from", from);
        model.addAttribute("to", to.minusDays(1));
        model.addAttribute("previous", month ? from.minusMonths(1) : from.minusWeeks(1));
        model.addAttribute("next", month ? from.plusMonths(1) : from.plusWeeks(1));
        model.addAttribute("days", ContentCalendar.byDay(entries));
        model.addAttribute("loads", calendar.weekLoads(from, to, entries));
        model.addAttribute("allAudiences", audiences.audiences());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("audience", audience);
        model.addAttribute("area", area);
        model.addAttribute("channel", channel);
        model.addAttribute("view", month ? "month" : "week");
        model.addAttribute("count", entries.size());
        model.addAttribute("partial", htmx != null);
        model.addAttribute("language", language);
        model.addAttribute(
                "audienceNames",
                audiences.audiences().stream()
                        .collect(java.util.stream.Collectors.toMap(a -> a.id().toString(), a -> a.name(language))));
        return htmx != null ? "campaigns/calendar :: results" : "campaigns/calendar";
    }

    private static LocalDate parse(String date) {
        try {
            return date.isBlank() ? LocalDate.now() : LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            return LocalDate.now();
        }
    }
}
