package org.cartpath.scheduling.web;

import java.time.LocalDate;
import java.util.Map;
import org.cartpath.scheduling.SchedulingCalendars;
import org.cartpath.scheduling.internal.Fields;
import org.cartpath.shared.Actor;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.ProblemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The calendar of the actor's organisation: a centre's apheresis and beds, or a manufacturer's slots; and utilisation. */
@Controller
@RequestMapping("/scheduling/calendar")
class CalendarPageController {

    static final String CENTRE = "scheduling/centre-calendar";
    static final String MANUFACTURER = "scheduling/manufacturer-calendar";
    static final int UTILISATION_WEEKS = 8;

    private final SchedulingCalendars calendars;

    CalendarPageController(SchedulingCalendars calendars) {
        this.calendars = calendars;
    }

    @GetMapping
    String calendar(Actor actor, @RequestParam(required = false) String week, Model model) {
        LocalDate day;
        try {
            day = Fields.date(week, "week");
        } catch (ProblemException e) {
            day = null;
            model.addAttribute("errors", Map.of("week", "Week must be a date written as YYYY-MM-DD; this week is shown"));
        }
        LocalDate monday = calendars.weekOf(day);
        model.addAttribute("weekStart", monday);
        model.addAttribute("previous", monday.minusWeeks(1));
        model.addAttribute("next", monday.plusWeeks(1));
        model.addAttribute("today", calendars.weekOf(null).equals(monday));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        if (actor.organisationKind() == OrganisationKind.MANUFACTURER) {
            model.addAttribute("calendar", calendars.manufacturerWeek(actor, monday));
            model.addAttribute("utilisation", calendars.manufacturerUtilisation(actor, monday, UTILISATION_WEEKS));
            model.addAttribute("exportFrom", monday);
            model.addAttribute("exportTo", monday.plusWeeks(UTILISATION_WEEKS).minusDays(1));
            return MANUFACTURER;
        }
        if (actor.organisationKind() == OrganisationKind.TREATMENT_CENTRE) {
            model.addAttribute("calendar", calendars.centreWeek(actor, monday));
            model.addAttribute("utilisation", calendars.centreUtilisation(actor, monday, UTILISATION_WEEKS));
            return CENTRE;
        }
        throw ProblemException.forbidden("Calendars are for treatment centres and manufacturers");
    }

    @GetMapping("/export")
    ResponseEntity<String> export(Actor actor, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        String csv = calendars.manufacturerBookingsCsv(actor, Fields.date(from, "from"), Fields.date(to, "to"));
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"bookings.csv\"").body(csv);
    }
}
