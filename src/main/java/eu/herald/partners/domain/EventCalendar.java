package eu.herald.partners.domain;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * Writes partner events as an iCalendar feed (RFC 5545, with ical4j): one VEVENT per event with a stable UID, times in
 * Europe/Brussels with its VTIMEZONE, the place and a link back to the portal. Nothing about other people.
 *
 * <p>An event the reader has not registered for is still CONFIRMED (RFC 5545 3.8.1.11: STATUS is the event's own
 * status, not the reader's attendance — TENTATIVE would say the event itself might not happen), but its summary says
 * "not registered" and it is TRANSPARENT (3.8.2.7: it does not make the reader busy).
 */
final class EventCalendar {

    static final String PRODUCT = "-//Herald//Partner events//EN";

    private static final TimeZoneRegistry ZONES =
            TimeZoneRegistryFactory.getInstance().createRegistry();

    private EventCalendar() {}

    /**
     * The feed of these events; {@code portal} is the base address for each event's link, {@code notRegistered}
     * makes the summary of an event the reader has not registered for.
     */
    static String write(List<PartnerEvent> events, String portal, Instant now, UnaryOperator<String> notRegistered) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(ZONES.getTimeZone(PartnerEvent.ZONE.getId()).getVTimeZone());
        for (PartnerEvent event : events) {
            String summary = event.registeredByReader() ? event.title() : notRegistered.apply(event.title());
            VEvent entry = new VEvent(event.localStart(), event.localEnd(), summary);
            entry.replace(new DtStamp(now));
            entry.add(new Uid(event.id() + "@herald"));
            entry.add(new Location(event.place()));
            if (!event.description().isBlank()) {
                entry.add(new Description(event.description()));
            }
            entry.add(new Status(Status.VALUE_CONFIRMED));
            entry.add(event.registeredByReader() ? ImmutableTransp.OPAQUE : ImmutableTransp.TRANSPARENT);
            entry.add(new Url(URI.create(portal + "/partners/events/" + event.id())));
            calendar.add(entry);
        }
        return calendar.toString();
    }
}
