package eu.herald.partners.web;

import eu.herald.accounts.OrganisationId;
import eu.herald.common.Language;
import eu.herald.partners.GroupId;
import eu.herald.partners.domain.AlertDelivery;
import eu.herald.partners.domain.AlertService;
import eu.herald.partners.domain.DigestService;
import eu.herald.partners.domain.EventKind;
import eu.herald.partners.domain.EventService;
import eu.herald.partners.domain.NeedToKnow;
import eu.herald.partners.domain.PartnerAlert;
import eu.herald.partners.domain.PartnerEvent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Partner events and urgent alerts through the API; and the digests' one-click unsubscribe (RFC 8058). */
@RestController
@RequestMapping("/api/v1/partners")
@Tag(name = "Partner events and alerts", description = "Events with registration, urgent alerts to coordinators")
class PartnerEventsApi {

    private final EventService events;
    private final AlertService alerts;
    private final DigestService digests;

    PartnerEventsApi(EventService events, AlertService alerts, DigestService digests) {
        this.events = events;
        this.alerts = alerts;
        this.digests = digests;
    }

    record EventJson(
            UUID id,
            UUID organisationId,
            EventKind kind,
            String title,
            String description,
            String place,
            Instant startsAt,
            Instant endsAt,
            int capacity,
            int registered,
            boolean registeredByMe,
            String language,
            boolean allGroups,
            NeedToKnow needToKnow,
            List<UUID> groups) {
        static EventJson of(PartnerEvent e) {
            return new EventJson(
                    e.id(),
                    e.organisationId().value(),
                    e.kind(),
                    e.title(),
                    e.description(),
                    e.place(),
                    e.startsAt(),
                    e.endsAt(),
                    e.capacity(),
                    e.registered(),
                    e.registeredByReader(),
                    e.language().code(),
                    e.allGroups(),
                    e.needToKnow(),
                    e.groups().stream().map(GroupId::value).toList());
        }
    }

    record DeliveryJson(
            UUID userId,
            String displayName,
            AlertDelivery.Status status,
            @Nullable Instant attemptedAt) {}

    record AlertJson(
            UUID id,
            UUID organisationId,
            String title,
            String body,
            String language,
            Instant createdAt,
            Instant expiresAt,
            boolean pinned,
            List<UUID> groups,
            List<DeliveryJson> deliveries) {
        static AlertJson of(PartnerAlert a, List<AlertDelivery> deliveries) {
            return new AlertJson(
                    a.id(),
                    a.organisationId().value(),
                    a.title(),
                    a.body(),
                    a.language().code(),
                    a.createdAt(),
                    a.expiresAt(),
                    a.pinned(Instant.now()),
                    a.groups().stream().map(GroupId::value).toList(),
                    deliveries.stream()
                            .map(d -> new DeliveryJson(d.userId(), d.displayName(), d.status(), d.attemptedAt()))
                            .toList());
        }
    }

    @GetMapping("/events")
    @Operation(summary = "The events shared with the caller's groups (or organised by the caller), soonest first")
    List<EventJson> events() {
        return events.calendar().stream().map(EventJson::of).toList();
    }

    @GetMapping("/events/{id}")
    @Operation(summary = "An event (404 when it is not shared with the caller)")
    EventJson event(@PathVariable UUID id) {
        return EventJson.of(events.view(id).event());
    }

    @PostMapping("/events")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "ADMIN or COMMUNICATOR: create an event for groups",
            description = "start and end are Brussels local times (2027-03-04T18:30); allGroups shares it with every"
                    + " group of the organisation and below, groups with chosen ones.")
    EventJson create(@Valid @RequestBody EventForm form, BindingResult errors) throws BindException {
        if (errors.hasErrors()) {
            throw new BindException(errors);
        }
        return EventJson.of(events.create(
                new OrganisationId(form.getOrganisationId()), form.draft(), form.isAllGroups(), form.groupIds()));
    }

    @PostMapping("/events/{id}/registration")
    @Operation(summary = "Register for the event (422 when it is full or over)")
    EventJson register(@PathVariable UUID id) {
        return EventJson.of(events.register(id));
    }

    @DeleteMapping("/events/{id}/registration")
    @Operation(summary = "Cancel the caller's registration")
    EventJson cancel(@PathVariable UUID id) {
        return EventJson.of(events.cancel(id));
    }

    @PostMapping("/alerts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "ADMIN or COMMUNICATOR: send an urgent alert to groups",
            description = "Every coordinator of the groups is emailed at once; the answer lists each delivery.")
    AlertJson sendAlert(@Valid @RequestBody AlertForm form, BindingResult errors) throws BindException {
        if (errors.hasErrors()) {
            throw new BindException(errors);
        }
        PartnerAlert alert = alerts.send(
                new OrganisationId(form.getOrganisationId()),
                form.groupIds(),
                form.getTitle(),
                form.getBody(),
                form.getLanguage() == null ? Language.EN : form.getLanguage(),
                Instant.now().plus(Duration.ofDays(form.getDays())));
        var view = alerts.view(alert.id());
        return AlertJson.of(view.alert(), view.deliveries());
    }

    @GetMapping("/alerts/{id}")
    @Operation(summary = "An alert; its organisers also see the delivery per coordinator")
    AlertJson alert(@PathVariable UUID id) {
        var view = alerts.view(id);
        return AlertJson.of(view.alert(), view.deliveries());
    }

    @PostMapping("/alerts/{id}/resend")
    @Operation(summary = "ADMIN or COMMUNICATOR: email the alert again to every coordinator it did not reach")
    AlertJson resend(@PathVariable UUID id) {
        alerts.resend(id);
        var view = alerts.view(id);
        return AlertJson.of(view.alert(), view.deliveries());
    }

    @PostMapping("/digest/unsubscribe")
    @Operation(
            summary = "One-click unsubscribe from digests (RFC 8058), no sign-in: the token comes from the email",
            description = "Mail programs post List-Unsubscribe=One-Click here; an unknown token is 404.")
    ResponseEntity<Void> unsubscribe(@RequestParam(defaultValue = "") String token) {
        return digests.unsubscribe(token)
                ? ResponseEntity.noContent().build()
                : ResponseEntity.notFound().build();
    }
}
