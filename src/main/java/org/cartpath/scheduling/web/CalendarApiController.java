package org.cartpath.scheduling.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.cartpath.scheduling.Calendars;
import org.cartpath.scheduling.ManufacturerBooking;
import org.cartpath.scheduling.SchedulingCalendars;
import org.cartpath.scheduling.internal.Fields;
import org.cartpath.shared.Actor;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.Page;
import org.cartpath.shared.RequestFields;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Calendars", description = "A centre's and a manufacturer's week, utilisation, a manufacturer's bookings")
class CalendarApiController {

    private final SchedulingCalendars calendars;

    CalendarApiController(SchedulingCalendars calendars) {
        this.calendars = calendars;
    }

    @GetMapping("/calendars/centre")
    @Operation(summary = "Your centre's week: apheresis chairs and collections, lymphodepletion, infusions, bed days")
    Calendars.CentreWeek centre(Actor actor, @RequestParam(required = false) String week) {
        return calendars.centreWeek(actor, Fields.date(week, "week"));
    }

    @GetMapping("/calendars/manufacturer")
    @Operation(summary = "Your week as a manufacturer: slots per site and product, booked by which centre and case reference")
    Calendars.ManufacturerWeek manufacturer(Actor actor, @RequestParam(required = false) String week) {
        return calendars.manufacturerWeek(actor, Fields.date(week, "week"));
    }

    @GetMapping("/utilisation")
    @Operation(summary = "Utilisation per week: chairs for a centre, slots for a manufacturer (1 to 26 weeks)")
    List<?> utilisation(Actor actor, @RequestParam(required = false) String from,
            @RequestParam(required = false) BigDecimal weeks) {
        LocalDate start = Fields.date(from, "from");
        Integer count = RequestFields.wholeNumber(weeks, "weeks");
        int n = count == null ? 8 : count;
        return actor.organisationKind() == OrganisationKind.MANUFACTURER
                ? calendars.manufacturerUtilisation(actor, start, n)
                : calendars.centreUtilisation(actor, start, n);
    }

    @GetMapping("/manufacturer-bookings")
    @Operation(summary = "Your bookings as a manufacturer whose slots fall between two days (by case reference, no patient data)")
    Page<ManufacturerBooking> bookings(Actor actor, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return calendars.manufacturerBookings(actor, Fields.date(from, "from"), Fields.date(to, "to"),
                new Page.Request(page, size));
    }

    @GetMapping(value = "/manufacturer-bookings/export", produces = "text/csv")
    @Operation(summary = "The same bookings as CSV")
    ResponseEntity<String> export(Actor actor, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        String csv = calendars.manufacturerBookingsCsv(actor, Fields.date(from, "from"), Fields.date(to, "to"));
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"bookings.csv\"").body(csv);
    }
}
