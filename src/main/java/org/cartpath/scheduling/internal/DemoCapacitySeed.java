package org.cartpath.scheduling.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cartpath.shared.DemoDataReady;
import org.cartpath.scheduling.ApheresisCapacity;
import org.cartpath.scheduling.CapacityPublication;
import org.cartpath.scheduling.CapacityPublication.CapacityException;
import org.cartpath.scheduling.ManufacturingCapacity;
import org.cartpath.shared.Actor;
import org.cartpath.shared.OrganisationId;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo capacity, so that a demo installation can book slots at once: six weeks of slots for the two demo
 * manufacturers (with the English bank holidays of the period as site holidays) and apheresis chairs for the three
 * demo centres. Seeded once, when the platform says the demo organisations are ready and no capacity exists yet.
 * The sites and numbers are invented for the demo.
 */
@Component
class DemoCapacitySeed {

    private static final Logger log = LoggerFactory.getLogger(DemoCapacitySeed.class);
    static final int WEEKS = 6;

    private final ManufacturingCapacity manufacturing;
    private final ApheresisCapacity apheresis;
    private final CapacityStore capacity;
    private final ApheresisStore units;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;
    private final Today today;

    DemoCapacitySeed(ManufacturingCapacity manufacturing, ApheresisCapacity apheresis, CapacityStore capacity,
            ApheresisStore units, TransactionTemplate transaction, JdbcClient jdbc, Today today) {
        this.manufacturing = manufacturing;
        this.apheresis = apheresis;
        this.capacity = capacity;
        this.units = units;
        this.transaction = transaction;
        this.jdbc = jdbc;
        this.today = today;
    }

    /** Before the demo referrals (20) and the demo treatment case (30), which books one of these slots. */
    @EventListener
    @Order(10)
    void seed(DemoDataReady ready) {
        Map<String, OrganisationId> demo = ready.organisations();
        if (!demo.keySet().containsAll(Set.of("novartis", "kite", "gosh", "rmch", "gnch"))) {
            return;
        }
        Boolean seeded = transaction.execute(status -> {
            // one instance seeds; another starting at the same moment waits and then finds capacity
            jdbc.sql("select 1 from pg_advisory_xact_lock(hashtextextended('scheduling demo seed', 40))")
                    .query(Integer.class).single();
            if (capacity.anyCapacity() || units.anyUnit()) {
                return false;
            }
            LocalDate monday = today.date().with(DayOfWeek.MONDAY);
            for (int w = 0; w < WEEKS; w++) {
                LocalDate week = monday.plusWeeks(w);
                manufacturing.publish(operator(demo.get("novartis"), "Novartis Cell Therapy (demo)"),
                        new CapacityPublication(null, "STEIN", "Stein, Switzerland (demo site)", "KYMRIAH", week,
                                perDay(Map.of(DayOfWeek.MONDAY, 1, DayOfWeek.TUESDAY, 1, DayOfWeek.WEDNESDAY, 1,
                                        DayOfWeek.THURSDAY, 1)), null, holidays(week), null));
                Actor kite = operator(demo.get("kite"), "Kite, a Gilead company (demo)");
                manufacturing.publish(kite, new CapacityPublication(null, "HOOFDDORP", "Hoofddorp, Netherlands (demo site)",
                        "YESCARTA", week, null, 4, holidays(week), null));
                manufacturing.publish(kite, new CapacityPublication(null, "HOOFDDORP", "Hoofddorp, Netherlands (demo site)",
                        "TECARTUS", week, null, 2, holidays(week), null));
            }
            apheresis.configure(coordinator(demo.get("gosh"), "Great Ormond Street Hospital for Children"), 2,
                    EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), null);
            apheresis.configure(coordinator(demo.get("rmch"), "Royal Manchester Children's Hospital"), 1,
                    EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.THURSDAY), null);
            apheresis.configure(coordinator(demo.get("gnch"), "Great North Children's Hospital"), 1,
                    EnumSet.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY), null);
            return true;
        });
        if (Boolean.TRUE.equals(seeded)) {
            log.info("Seeded {} weeks of demo manufacturing capacity and apheresis chairs for the demo centres", WEEKS);
        }
    }

    private static Map<DayOfWeek, Integer> perDay(Map<DayOfWeek, Integer> days) {
        Map<DayOfWeek, Integer> all = new java.util.EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            all.put(day, days.getOrDefault(day, 0));
        }
        return all;
    }

    /** England's bank holidays at Christmas and New Year fall in the demo's weeks around the year's end. */
    static List<CapacityException> holidays(LocalDate week) {
        List<CapacityException> closed = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            LocalDate day = week.plusDays(i);
            String name = holiday(day);
            if (name != null) {
                closed.add(new CapacityException(day, 0, name + ": site closed"));
            }
        }
        return closed;
    }

    /** Christmas Day, Boxing Day and New Year's Day, moved to the next weekday when they fall at a weekend. */
    static String holiday(LocalDate day) {
        int year = day.getYear();
        LocalDate christmas = substitute(LocalDate.of(year, Month.DECEMBER, 25), Set.of());
        LocalDate boxing = substitute(LocalDate.of(year, Month.DECEMBER, 26), Set.of(christmas));
        LocalDate newYear = substitute(LocalDate.of(year, Month.JANUARY, 1), Set.of());
        if (day.equals(christmas)) {
            return "Christmas Day (bank holiday)";
        }
        if (day.equals(boxing)) {
            return "Boxing Day (bank holiday)";
        }
        return day.equals(newYear) ? "New Year's Day (bank holiday)" : null;
    }

    private static LocalDate substitute(LocalDate day, Set<LocalDate> taken) {
        LocalDate d = day;
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY || taken.contains(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    private static Actor operator(OrganisationId organisation, String name) {
        return new Actor("system:demo seed", Actor.ActorType.INTERNAL, "system", "cartpath (demo seed)", organisation,
                name, OrganisationKind.MANUFACTURER, false, Set.of(Role.MANUFACTURER_OPERATOR));
    }

    private static Actor coordinator(OrganisationId organisation, String name) {
        return new Actor("system:demo seed", Actor.ActorType.INTERNAL, "system", "cartpath (demo seed)", organisation,
                name, OrganisationKind.TREATMENT_CENTRE, false, Set.of(Role.COORDINATOR));
    }
}
