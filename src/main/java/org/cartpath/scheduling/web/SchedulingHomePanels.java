package org.cartpath.scheduling.web;

import java.util.List;
import java.util.Map;
import org.cartpath.scheduling.Calendars;
import org.cartpath.scheduling.SchedulingCalendars;
import org.cartpath.shared.Actor;
import org.cartpath.shared.HomePanel;
import org.cartpath.shared.HomePanelContributor;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.Role;
import org.springframework.stereotype.Component;

/** The manufacturer operator's home panel: this week's slots and bookings, by case reference. */
@Component
class SchedulingHomePanels implements HomePanelContributor {

    private final SchedulingCalendars calendars;

    SchedulingHomePanels(SchedulingCalendars calendars) {
        this.calendars = calendars;
    }

    @Override
    public List<HomePanel> homePanels(Actor actor) {
        if (actor.organisationKind() != OrganisationKind.MANUFACTURER || !actor.hasRole(Role.MANUFACTURER_OPERATOR)) {
            return List.of();
        }
        Calendars.ManufacturerWeek week = calendars.manufacturerWeek(actor, null);
        int slots = week.rows().stream().mapToInt(Calendars.SlotRow::slots).sum();
        long booked = week.rows().stream().mapToLong(r -> r.bookings().size()).sum();
        return List.of(new HomePanel(Role.MANUFACTURER_OPERATOR, "Manufacturing", "scheduling/home", "manufacturerSummary",
                Map.of("slots", slots, "booked", booked, "weekStart", week.weekStart())));
    }
}
