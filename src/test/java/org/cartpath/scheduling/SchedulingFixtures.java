package org.cartpath.scheduling;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.cartpath.identity.ApiTokenManagement;
import org.cartpath.identity.Organisation;
import org.cartpath.identity.UserAccount;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.NewCase;
import org.cartpath.journey.Stage;
import org.cartpath.journey.TherapyCase;
import org.cartpath.scheduling.internal.BankHolidays;
import org.cartpath.scheduling.internal.CapacityStore;
import org.cartpath.shared.Actor;
import org.cartpath.shared.DataVisibility;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.Role;
import org.cartpath.testing.IdentityFixtures;
import org.springframework.stereotype.Component;

/**
 * Builders for scheduling tests: centres with chairs, manufacturers with published slots, approved cases. Every
 * organisation is new, so tests sharing the database (and the demo capacity) never see each other's slots.
 */
@Component
public class SchedulingFixtures {

    private static final AtomicInteger SITES = new AtomicInteger();
    static final Actor SETUP = Actor.system("scheduling test");

    private final IdentityFixtures identity;
    private final CaseJourney journey;
    private final ManufacturingCapacity capacity;
    private final ApheresisCapacity apheresis;
    private final ApiTokenManagement tokens;
    private final CapacityStore slots;
    private final BankHolidays bankHolidays;

    SchedulingFixtures(IdentityFixtures identity, CaseJourney journey, ManufacturingCapacity capacity,
            ApheresisCapacity apheresis, ApiTokenManagement tokens, CapacityStore slots, BankHolidays bankHolidays) {
        this.identity = identity;
        this.journey = journey;
        this.capacity = capacity;
        this.apheresis = apheresis;
        this.tokens = tokens;
        this.slots = slots;
        this.bankHolidays = bankHolidays;
    }

    public record Centre(Organisation organisation, UserAccount coordinator, UserAccount consultant, Organisation hospital,
            UserAccount referrer) {
        public Actor coordinatorActor() {
            return actor(coordinator, organisation);
        }

        public Actor consultantActor() {
            return actor(consultant, organisation);
        }

        public Actor referrerActor() {
            return actor(referrer, hospital);
        }
    }

    public record Manufacturer(Organisation organisation, UserAccount operator, String token, String site) {
        public Actor operatorActor() {
            return actor(operator, organisation);
        }
    }

    public static Actor actor(UserAccount user, Organisation organisation) {
        return new Actor(user.id().toString(), Actor.ActorType.PERSON, user.username(), user.displayName(),
                organisation.id(), organisation.name(), organisation.kind(), false, user.roles());
    }

    /** A centre collecting on weekdays with {@code chairs} chairs, a referring hospital, and their staff. */
    public Centre centre(int chairs) {
        return centre(chairs, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
    }

    public Centre centre(int chairs, Set<DayOfWeek> days) {
        Organisation centre = identity.organisation(OrganisationKind.TREATMENT_CENTRE);
        Organisation hospital = identity.organisation(OrganisationKind.REFERRING_HOSPITAL);
        Centre result = new Centre(centre, identity.user(centre, Role.COORDINATOR), identity.user(centre, Role.CONSULTANT),
                hospital, identity.user(hospital, Role.REFERRER));
        apheresis.configure(result.coordinatorActor(), chairs, days, null);
        return result;
    }

    /** A manufacturer with an operator, an API token and a site code of its own. */
    public Manufacturer manufacturer() {
        Organisation organisation = identity.organisation(OrganisationKind.MANUFACTURER);
        String token = tokens.create(SETUP, new ApiTokenManagement.NewApiToken(organisation.id(), "Test system",
                Set.of(Role.MANUFACTURER_OPERATOR))).secret();
        return new Manufacturer(organisation, identity.user(organisation, Role.MANUFACTURER_OPERATOR), token,
                "SITE" + SITES.incrementAndGet());
    }

    /** Publishes slots per weekday for a week and returns the week's free slots, earliest first. */
    public List<ManufacturingSlot> publish(Manufacturer m, String product, LocalDate week, Map<DayOfWeek, Integer> perDay,
            List<CapacityPublication.CapacityException> exceptions) {
        Map<DayOfWeek, Integer> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            days.put(d, perDay.getOrDefault(d, 0));
        }
        capacity.publish(m.operatorActor(), new CapacityPublication(null, m.site(), "Test site " + m.site(), product, week,
                days, null, exceptions, null));
        return slotsOf(m, week);
    }

    public List<ManufacturingSlot> slotsOf(Manufacturer m, LocalDate week) {
        return slots.slotsOfManufacturer(DataVisibility.clinicalScope(m.operatorActor()), week, week.plusDays(6)).stream()
                .filter(s -> s.siteCode().equals(m.site())).toList();
    }

    /** A case of the centre at PANEL_APPROVED. */
    public TherapyCase approvedCase(Centre centre, String product, String indication) {
        return caseAt(centre, product, indication, Stage.PANEL_APPROVED, "Approved for " + product);
    }

    public TherapyCase caseAt(Centre centre, String product, String indication, Stage stage, String summary) {
        TherapyCase opened = journey.open(SETUP, new NewCase(UUID.randomUUID(), centre.hospital().id(),
                centre.organisation().id(), product, indication, "UK", summary));
        for (Stage s : Stage.path()) {
            if (s == Stage.REFERRED) {
                continue;
            }
            journey.advance(SETUP, opened.id(), s, null);
            if (s == stage) {
                break;
            }
        }
        Actor ofCentre = new Actor("system:scheduling test", Actor.ActorType.INTERNAL, "system", "scheduling test",
                centre.organisation().id(), centre.organisation().name(), OrganisationKind.TREATMENT_CENTRE, false, Set.of());
        return journey.get(ofCentre, opened.id()).therapyCase();
    }

    /**
     * A weekday of the {@code weeksAhead}-th week from this one (0: this week) that has no bank holiday from the Friday
     * before to its Friday: apheresis units are closed on bank holidays, and a test must not pass or fail by the time
     * of year. A
     * negative {@code weeksAhead} is simply that many weeks ago.
     */
    public LocalDate day(int weeksAhead, DayOfWeek day) {
        LocalDate monday = journey.today().with(DayOfWeek.MONDAY);
        if (weeksAhead < 0) {
            return monday.plusWeeks(weeksAhead).with(day); // a past week, for refusals
        }
        int found = -1;
        while (true) {
            if (!hasBankHoliday(monday) && ++found == weeksAhead) {
                return monday.with(day);
            }
            monday = monday.plusWeeks(1);
        }
    }

    /** A bank holiday from the Friday before to the Friday of the week (tests also move a day into the week before). */
    private boolean hasBankHoliday(LocalDate monday) {
        for (int i = -3; i < 5; i++) {
            if (bankHolidays.on(monday.plusDays(i)).isPresent()) {
                return true;
            }
        }
        return false;
    }

    public LocalDate week(int weeksAhead) {
        return day(weeksAhead, DayOfWeek.MONDAY);
    }
}
