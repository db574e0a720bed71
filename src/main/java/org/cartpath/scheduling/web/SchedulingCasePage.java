package org.cartpath.scheduling.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cartpath.journey.CaseAction;
import org.cartpath.journey.CasePageContributor;
import org.cartpath.journey.CasePanel;
import org.cartpath.journey.CaseView;
import org.cartpath.journey.Stage;
import org.cartpath.journey.TherapyCase;
import org.cartpath.scheduling.RankedEntry;
import org.cartpath.scheduling.SlotBooking;
import org.cartpath.scheduling.SlotBookings;
import org.cartpath.scheduling.Waitlist;
import org.cartpath.scheduling.internal.CaseAccess;
import org.cartpath.shared.Actor;
import org.cartpath.shared.Role;
import org.springframework.stereotype.Component;

/**
 * Scheduling's part of the case page: Book, waitlist and reschedule actions for the treating centre's
 * coordinators; the plan (planned against actual dates), the booking history and the waitlist position.
 */
@Component
class SchedulingCasePage implements CasePageContributor {

    private final SlotBookings bookings;
    private final Waitlist waitlist;

    SchedulingCasePage(SlotBookings bookings, Waitlist waitlist) {
        this.bookings = bookings;
        this.waitlist = waitlist;
    }

    @Override
    public List<CaseAction> actions(Actor actor, CaseView view) {
        TherapyCase c = view.therapyCase();
        if (!view.identityVisible() || !CaseAccess.isCentre(actor, c, Role.COORDINATOR)) {
            return List.of();
        }
        Optional<SlotBooking> active = bookings.activeBooking(actor, c.id());
        List<CaseAction> actions = new ArrayList<>();
        if (needsSlot(c, active)) {
            actions.add(new CaseAction("Book a manufacturing slot", "/scheduling/cases/" + c.id() + "/booking", true));
            if (waitlist.positionOfCase(actor, c.id()).isEmpty()) {
                actions.add(new CaseAction("Add to the waitlist", "/scheduling/cases/" + c.id() + "/waitlist", false));
            }
        }
        if (active.isPresent() && c.stage() == Stage.SLOT_BOOKED) {
            actions.add(new CaseAction("Reschedule or cancel the booking", "/scheduling/bookings/" + active.get().id(), false));
        } else if (active.isPresent() && c.stage().isEnding()) {
            actions.add(new CaseAction("Release the booking (the case has ended)", "/scheduling/bookings/" + active.get().id(),
                    true));
        }
        return actions;
    }

    @Override
    public List<CasePanel> panels(Actor actor, CaseView view) {
        TherapyCase c = view.therapyCase();
        List<SlotBooking> history = bookings.history(actor, c.id());
        List<CasePanel> panels = new ArrayList<>();
        if (!history.isEmpty()) {
            Optional<SlotBooking> active = history.stream().filter(SlotBooking::active).findFirst();
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("active", active.orElse(null));
            model.put("slot", active.flatMap(bookings::slotOf).orElse(null));
            model.put("plan", active.map(b -> bookings.plan(actor, b.id())).orElse(null));
            model.put("history", history);
            model.put("showReasons", view.identityVisible());
            panels.add(new CasePanel("Plan", "scheduling/fragments", "planPanel", model, 20));
        }
        if (view.identityVisible()) {
            Optional<RankedEntry> position = waitlist.positionOfCase(actor, c.id());
            position.ifPresent(p -> panels.add(new CasePanel("Waitlist", "scheduling/fragments", "waitlistPanel",
                    Map.of("entry", p, "mayDecline", CaseAccess.isCentre(actor, c, Role.COORDINATOR)), 21)));
        }
        return panels;
    }

    static boolean needsSlot(TherapyCase c, Optional<SlotBooking> active) {
        return c.stage() == Stage.PANEL_APPROVED || c.stage() == Stage.IN_MANUFACTURING
                || (c.stage() == Stage.SLOT_BOOKED && active.isEmpty());
    }
}
