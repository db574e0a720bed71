package org.cartpath.scheduling.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cartpath.journey.CaseId;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.CaseView;
import org.cartpath.journey.Stage;
import org.cartpath.journey.TherapyCase;
import org.cartpath.scheduling.Availability;
import org.cartpath.scheduling.BookingChanges;
import org.cartpath.scheduling.BookingOutcome;
import org.cartpath.scheduling.NewBooking;
import org.cartpath.scheduling.Rescheduling;
import org.cartpath.scheduling.SlotBooking;
import org.cartpath.scheduling.SlotAvailability;
import org.cartpath.scheduling.SlotBookings;
import org.cartpath.scheduling.Waitlist;
import org.cartpath.scheduling.internal.CaseAccess;
import org.cartpath.scheduling.internal.Fields;
import org.cartpath.shared.Actor;
import org.cartpath.shared.FormErrors;
import org.cartpath.shared.Ids;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The coordinator's booking pages: the calendar first (each day's free apheresis chairs beside the manufacturing slots
 * that fit it), then a day's slots, book one; put a case on the waitlist; reschedule or cancel a booking; decline an
 * offered slot.
 */
@Controller
@RequestMapping("/scheduling")
class BookingPageController {

    static final String BOOKING = "scheduling/booking";
    static final String BOOKED = "scheduling/booked";
    static final String JOIN = "scheduling/waitlist-join";

    private final SlotAvailability slots;
    private final SlotBookings bookings;
    private final BookingChanges changes;
    private final Waitlist waitlist;
    private final CaseJourney journey;

    BookingPageController(SlotAvailability slots, SlotBookings bookings, BookingChanges changes, Waitlist waitlist,
            CaseJourney journey) {
        this.slots = slots;
        this.bookings = bookings;
        this.changes = changes;
        this.waitlist = waitlist;
        this.journey = journey;
    }

    @GetMapping("/cases/{id}/booking")
    String bookingForm(Actor actor, @PathVariable String id, @RequestParam(required = false) String apheresisDate,
            Model model) {
        TherapyCase c = coordinatorCase(actor, id);
        if (apheresisDate != null && apheresisDate.isBlank()) {
            return bookingPage(actor, c, null, null, Map.of("apheresisDate",
                    "Enter the apheresis date, or choose a day in the calendar"), null, model);
        }
        return bookingPage(actor, c, apheresisDate, null, Map.of(), null, model);
    }

    @PostMapping("/cases/{id}/booking")
    String book(Actor actor, @PathVariable String id, @RequestParam(defaultValue = "") String apheresisDate,
            @RequestParam(defaultValue = "") String slotId, @RequestParam(defaultValue = "false") boolean remanufacture,
            Model model, RedirectAttributes redirect) {
        TherapyCase c = coordinatorCase(actor, id);
        try {
            if (slotId.isBlank()) {
                throw ProblemException.invalid("slotId", "Choose a manufacturing slot");
            }
            BookingOutcome outcome = bookings.book(actor, new NewBooking(c.id(), Fields.id(slotId, "slotId"),
                    remanufacture ? null : Fields.date(apheresisDate, "apheresisDate"), remanufacture));
            redirect.addFlashAttribute("success", "Slot booked" + (outcome.booking().apheresisDate() == null ? ""
                    : "; apheresis on " + outcome.booking().apheresisDate()) + ". The plan is below.");
            return "redirect:/cases/" + c.id();
        } catch (ProblemException e) {
            if (e.status() == 403 || e.status() == 404) {
                throw e;
            }
            return bookingPage(actor, c, apheresisDate, slotId, FormErrors.of(e), e, model);
        }
    }

    private String bookingPage(Actor actor, TherapyCase c, String apheresisDate, String slotId, Map<String, String> errors,
            ProblemException refusal, Model model) {
        model.addAttribute("case", c);
        model.addAttribute("apheresisDate", apheresisDate == null ? "" : apheresisDate);
        model.addAttribute("selectedSlot", slotId);
        model.addAttribute("remanufacturePossible", c.stage() == Stage.IN_MANUFACTURING || c.stage() == Stage.SLOT_BOOKED);
        model.addAttribute("onWaitlist", waitlist.positionOfCase(actor, c.id()).isPresent());
        Map<String, String> shown = new java.util.LinkedHashMap<>(errors);
        Availability availability = null;
        if (apheresisDate != null && !apheresisDate.isBlank() && (refusal == null || refusal.status() != 400)) {
            try {
                availability = slots.availability(actor, c.id(), Fields.date(apheresisDate, "apheresisDate"), null);
            } catch (ProblemException e) {
                if (e.status() == 403 || e.status() == 404) {
                    throw e;
                }
                shown.putIfAbsent("apheresisDate", e.detail());
                refusal = refusal == null ? e : refusal;
            }
        }
        model.addAttribute("availability", availability);
        model.addAttribute("calendar", slots.calendar(actor, c.id()));
        model.addAttribute("errors", shown);
        model.addAttribute("openDays", refusal == null ? List.of() : refusal.properties().getOrDefault("openApheresisDays", List.of()));
        model.addAttribute("fittingSlots", refusal == null ? List.of() : refusal.properties().getOrDefault("fittingSlots", List.of()));
        return BOOKING;
    }

    @GetMapping("/cases/{id}/waitlist")
    String joinForm(Actor actor, @PathVariable String id, Model model) {
        model.addAttribute("case", coordinatorCase(actor, id));
        model.addAttribute("errors", Map.of());
        return JOIN;
    }

    @PostMapping("/cases/{id}/waitlist")
    String join(Actor actor, @PathVariable String id, Model model, RedirectAttributes redirect) {
        TherapyCase c = coordinatorCase(actor, id);
        try {
            waitlist.join(actor, c.id());
        } catch (ProblemException e) {
            if (e.status() == 403 || e.status() == 404) {
                throw e;
            }
            model.addAttribute("case", c);
            model.addAttribute("errors", FormErrors.of(e));
            return JOIN;
        }
        redirect.addFlashAttribute("success", "The case is on the " + c.productCode() + " waitlist.");
        return "redirect:/cases/" + c.id();
    }

    @GetMapping("/bookings/{id}")
    String booking(Actor actor, @PathVariable String id, @RequestParam(required = false) String apheresisDate, Model model) {
        SlotBooking booking = bookings.booking(actor, Ids.parse(id, "booking"));
        return bookedPage(actor, booking, apheresisDate, Map.of(), null, model);
    }

    @PostMapping("/bookings/{id}/rescheduling")
    String reschedule(Actor actor, @PathVariable String id, @RequestParam(defaultValue = "") String apheresisDate,
            @RequestParam(defaultValue = "") String slotId, @RequestParam(defaultValue = "") String reason, Model model,
            RedirectAttributes redirect) {
        SlotBooking booking = bookings.booking(actor, Ids.parse(id, "booking"));
        try {
            BookingOutcome outcome = changes.reschedule(actor, booking.id(), new Rescheduling(
                    Fields.date(apheresisDate, "apheresisDate"), Fields.id(slotId, "slotId"), reason));
            redirect.addFlashAttribute("success", outcome.conflicts().isEmpty() ? "The booking has been moved."
                    : "The booking has been moved, but " + outcome.conflicts().size()
                            + " step(s) of the plan no longer fit: see the plan and choose a slot that fits.");
            return "redirect:/cases/" + booking.caseId();
        } catch (ProblemException e) {
            if (e.status() == 403 || e.status() == 404) {
                throw e;
            }
            return bookedPage(actor, booking, apheresisDate, FormErrors.of(e), e, model);
        }
    }

    @PostMapping("/bookings/{id}/cancellation")
    String cancel(Actor actor, @PathVariable String id, @RequestParam(name = "cancelReason", defaultValue = "") String reason,
            Model model,
            RedirectAttributes redirect) {
        SlotBooking booking = bookings.booking(actor, Ids.parse(id, "booking"));
        try {
            changes.cancel(actor, booking.id(), reason);
        } catch (ProblemException e) {
            if (e.status() == 403 || e.status() == 404) {
                throw e;
            }
            Map<String, String> errors = new java.util.LinkedHashMap<>();
            FormErrors.of(e).forEach((k, v) -> errors.put(k.equals("reason") ? "cancelReason" : k, v));
            return bookedPage(actor, booking, null, errors, e, model);
        }
        redirect.addFlashAttribute("success", "The booking has been cancelled. Its slot is offered to the waitlist.");
        return "redirect:/cases/" + booking.caseId();
    }

    @PostMapping("/offers/{id}/declination")
    String decline(Actor actor, @PathVariable String id, @RequestParam(defaultValue = "") String caseId,
            @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        UUID offerId = Ids.parse(id, "slot offer");
        CaseId back = CaseId.of(caseId);
        try {
            waitlist.declineOffer(actor, offerId, reason);
            redirect.addFlashAttribute("success", "The offer has been declined; the slot goes to the next case.");
        } catch (ProblemException e) {
            if (e.status() == 403 || e.status() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("success", "The offer was not declined: " + e.detail());
        }
        return "redirect:/cases/" + back;
    }

    private String bookedPage(Actor actor, SlotBooking booking, String apheresisDate, Map<String, String> errors,
            ProblemException refusal, Model model) {
        CaseView view = journey.get(actor, booking.caseId());
        CaseAccess.requireCentre(actor, view.therapyCase(), Role.COORDINATOR);
        model.addAttribute("booking", booking);
        model.addAttribute("case", view.therapyCase());
        Map<String, Object> planModel = new java.util.HashMap<>();
        planModel.put("active", booking.active() ? booking : null);
        planModel.put("slot", bookings.slotOf(booking).orElse(null));
        planModel.put("plan", bookings.plan(actor, booking.id()));
        planModel.put("history", List.of(booking));
        planModel.put("showReasons", true);
        model.addAttribute("planModel", planModel);
        model.addAttribute("apheresisDate", apheresisDate == null ? "" : apheresisDate);
        Map<String, String> shown = new java.util.LinkedHashMap<>(errors);
        Availability availability = null;
        LocalDate day = null;
        try {
            day = Fields.date(apheresisDate, "apheresisDate");
        } catch (ProblemException e) {
            shown.putIfAbsent("apheresisDate", e.detail());
        }
        if (day != null && booking.active() && shown.isEmpty()) {
            try {
                availability = slots.availability(actor, booking.caseId(), day, null);
            } catch (ProblemException e) {
                if (e.status() == 403 || e.status() == 404) {
                    throw e;
                }
                shown.putIfAbsent("apheresisDate", e.detail());
                refusal = refusal == null ? e : refusal;
            }
        }
        model.addAttribute("availability", availability);
        model.addAttribute("errors", shown);
        model.addAttribute("openDays", refusal == null ? List.of() : refusal.properties().getOrDefault("openApheresisDays", List.of()));
        model.addAttribute("fittingSlots", refusal == null ? List.of() : refusal.properties().getOrDefault("fittingSlots", List.of()));
        return BOOKED;
    }

    private TherapyCase coordinatorCase(Actor actor, String id) {
        CaseView view = journey.get(actor, CaseId.of(id));
        CaseAccess.requireCentre(actor, view.therapyCase(), Role.COORDINATOR);
        return view.therapyCase();
    }
}
