package org.cartpath.scheduling.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cartpath.scheduling.ApheresisCapacity;
import org.cartpath.scheduling.ApheresisDay;
import org.cartpath.scheduling.ApheresisUnit;
import org.cartpath.scheduling.CapacityPublication;
import org.cartpath.scheduling.ManufacturingCapacity;
import org.cartpath.scheduling.PublicationResult;
import org.cartpath.scheduling.internal.CapacityStore;
import org.cartpath.scheduling.internal.Fields;
import org.cartpath.shared.Actor;
import org.cartpath.shared.NotFoundException;
import org.cartpath.shared.OrganisationId;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.RequestFields;
import org.cartpath.shared.TextLimits;
import org.cartpath.shared.Versions;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Capacity", description = "Manufacturing slots per site, product and week; apheresis chairs per centre")
class CapacityApiController {

    record ExceptionRequest(
            @Size(max = TextLimits.SHORT) String date,
            BigDecimal slots,
            @Size(max = TextLimits.LONG) String reason) {
    }

    record PublicationRequest(
            @Size(max = TextLimits.SHORT) String manufacturerId,
            @Size(max = TextLimits.SHORT) String siteCode,
            @Size(max = TextLimits.SHORT) String siteName,
            @Size(max = TextLimits.SHORT) String productCode,
            @Size(max = TextLimits.SHORT) String weekStart,
            @Size(max = TextLimits.ITEMS) Map<String, BigDecimal> slotsPerDay,
            BigDecimal slotsPerWeek,
            @Valid List<ExceptionRequest> exceptions,
            @Size(max = TextLimits.LONG) String mirroredFrom) {
    }

    record UnitRequest(
            BigDecimal chairsPerDay,
            @Size(max = TextLimits.ITEMS) List<@Size(max = TextLimits.SHORT) String> openingDays) {
    }

    record DayRequest(
            @Size(max = TextLimits.SHORT) String date,
            BigDecimal chairs,
            @Size(max = TextLimits.LONG) String reason) {
    }

    private final ManufacturingCapacity manufacturing;
    private final ApheresisCapacity apheresis;

    CapacityApiController(ManufacturingCapacity manufacturing, ApheresisCapacity apheresis) {
        this.manufacturing = manufacturing;
        this.apheresis = apheresis;
    }

    @PostMapping("/capacity-publications")
    @Operation(summary = "Publish a site's manufacturing slots for one product and ISO week",
            description = "Manufacturer operators publish their own organisation's capacity; a treatment centre's "
                    + "coordinator may mirror a manufacturer's portal (send manufacturerId; marked MIRRORED with who "
                    + "entered it). Send slotsPerDay (MONDAY…SUNDAY) or slotsPerWeek; an exception with slots 0 is a "
                    + "site holiday. Idempotent: the same week with the same content answers 200 UNCHANGED; other "
                    + "content replaces the week (200 REPLACED) keeping booked slots; the first publication is 201. "
                    + "Lowering a week below its bookings is 409 capacity-below-bookings listing them. Accepts "
                    + "Idempotency-Key.")
    ResponseEntity<PublicationResult> publish(Actor actor, @RequestBody(required = false) PublicationRequest body) {
        if (body == null) {
            throw ProblemException.invalid("body", "send the publication as JSON");
        }
        PublicationResult result = manufacturing.publish(actor, command(body));
        return ResponseEntity.status(result.outcome() == PublicationResult.Outcome.CREATED ? HttpStatus.CREATED : HttpStatus.OK)
                .body(result);
    }

    @GetMapping("/capacity-publications")
    @Operation(summary = "The weeks of capacity in force from this week on: an operator's own, or a manufacturer's for centre staff")
    List<CapacityStore.WeekSummary> weeks(Actor actor, @RequestParam(required = false) String manufacturerId) {
        return manufacturing.weeks(actor, manufacturerId == null ? null : OrganisationId.of(manufacturerId));
    }

    @GetMapping("/apheresis-capacity")
    @Operation(summary = "Your centre's apheresis unit: chairs a day and opening weekdays (ETag for changes)")
    ResponseEntity<ApheresisUnit> unit(Actor actor) {
        ApheresisUnit unit = apheresis.unit(actor).orElseThrow(() -> new NotFoundException("apheresis unit of", actor.organisationName()));
        return ResponseEntity.ok().eTag(Versions.etag(unit.version())).body(unit);
    }

    @PutMapping("/apheresis-capacity")
    @Operation(summary = "Set your centre's chairs a day and opening weekdays (coordinators, apheresis nurses)",
            description = "Changing an existing unit needs If-Match. Lowering it below bookings already made is "
                    + "409 capacity-below-bookings listing them.")
    ResponseEntity<ApheresisUnit> configure(Actor actor, @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @RequestBody(required = false) UnitRequest body) {
        if (body == null) {
            throw ProblemException.invalid("body", "send chairsPerDay and openingDays");
        }
        RequestFields.required().field("chairsPerDay", body.chairsPerDay()).field("openingDays", body.openingDays()).check();
        Integer chairs = RequestFields.wholeNumber(body.chairsPerDay(), "chairsPerDay");
        List<DayOfWeek> days = RequestFields.choices(body.openingDays(), DayOfWeek.class, "openingDays");
        Set<DayOfWeek> opening = days.isEmpty() ? Set.of() : EnumSet.copyOf(days);
        ApheresisUnit unit = apheresis.configure(actor, chairs, opening, ifMatch == null ? null : Versions.fromIfMatch(ifMatch));
        return ResponseEntity.ok().eTag(Versions.etag(unit.version())).body(unit);
    }

    @PostMapping("/apheresis-capacity/exceptions")
    @Operation(summary = "Give one day other chairs than usual (0 closes it), with the reason",
            description = "Refused with 409 capacity-below-bookings if the day has more bookings. Accepts Idempotency-Key.")
    ApheresisDay exception(Actor actor, @RequestBody(required = false) DayRequest body) {
        if (body == null) {
            throw ProblemException.invalid("body", "send date, chairs and reason");
        }
        return apheresis.setException(actor, Fields.date(body.date(), "date"),
                RequestFields.wholeNumber(body.chairs(), "chairs"), body.reason());
    }

    @GetMapping("/apheresis-days")
    @Operation(summary = "Your centre's apheresis days with chairs and bookings (at most 92 days)")
    List<ApheresisDay> days(Actor actor, @Parameter(example = "2026-11-30") @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        return apheresis.days(actor, Fields.date(from, "from"), Fields.date(to, "to"));
    }

    static CapacityPublication command(PublicationRequest body) {
        Map<DayOfWeek, Integer> perDay = null;
        if (body.slotsPerDay() != null) {
            perDay = new EnumMap<>(DayOfWeek.class);
            for (Map.Entry<String, BigDecimal> e : body.slotsPerDay().entrySet()) {
                DayOfWeek day = RequestFields.choice(e.getKey(), DayOfWeek.class, "slotsPerDay");
                Integer count = RequestFields.wholeNumber(e.getValue(), "slotsPerDay." + e.getKey());
                if (count == null) {
                    throw ProblemException.invalid("slotsPerDay." + e.getKey(), "is required");
                }
                perDay.put(day, count);
            }
        }
        List<CapacityPublication.CapacityException> exceptions = new ArrayList<>();
        if (body.exceptions() != null) {
            for (int i = 0; i < body.exceptions().size(); i++) {
                ExceptionRequest e = body.exceptions().get(i);
                String field = "exceptions[" + i + "]";
                exceptions.add(e == null ? null : new CapacityPublication.CapacityException(Fields.date(e.date(), field + ".date"),
                        RequestFields.wholeNumber(e.slots(), field + ".slots"), e.reason()));
            }
        }
        return new CapacityPublication(body.manufacturerId() == null ? null : manufacturer(body.manufacturerId()),
                body.siteCode(), body.siteName(), body.productCode(), Fields.date(body.weekStart(), "weekStart"), perDay,
                RequestFields.wholeNumber(body.slotsPerWeek(), "slotsPerWeek"), exceptions, body.mirroredFrom());
    }

    private static OrganisationId manufacturer(String id) {
        return new OrganisationId(Fields.id(id, "manufacturerId"));
    }
}
