package eu.herald.partners.domain;

import java.net.URI;
import java.time.Instant;
import java.util.List;
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
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * Writes partner events as an iCalendar feed (RFC 5545, with ical4j): one VEVENT per event with a stable UID, times in
 * Europe/Brussels with its VTIMEZONE, the place and a link back to the portal. Nothing about other people.
 */
final class EventCalendar {

    static final String PRODUCT = "-//Herald//Partner events//EN";

    private static final TimeZoneRegistry ZONES =
            TimeZoneRegistryFactory.getInstance().createRegistry();

    private EventCalendar() {}

    /** The feed of these events; {@code portal} is the base address for each event's link. */
    static String write(List<PartnerEvent> events, String portal, Instant now) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(ZONES.getTimeZone(PartnerEvent.ZONE.getId()).getVTimeZone());
        for (PartnerEvent event : events) {
            VEvent entry = new VEvent(event.localStart(), event.localEnd(), event.title());
            entry.replace(new DtStamp(now));
            entry.add(new Uid(event.id() + "@herald"));
            entry.add(new Location(event.place()));
            if (!event.description().isBlank()) {
                entry.add(new Description(event.description()));
            }
            entry.add(new Status(Status.VALUE_CONFIRMED));
            entry.add(new Url(URI.create(portal + "/partners/events/" + event.id())));
            calendar.add(entry);
        }
        return calendar.toString();
    }
}
