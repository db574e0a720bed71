package org.cartpath.scheduling.internal;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.cartpath.scheduling.ApheresisUnit;
import org.cartpath.shared.DataScope;
import org.cartpath.shared.OrganisationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for apheresis units, their exceptional days and the chair counters. */
@Repository
public class ApheresisStore {

    /** A day that differs from the unit's usual week. */
    public record Exception(LocalDate day, int chairs, String reason) {
    }

    /** The counter of one day: chairs and chairs booked. */
    public record Counter(LocalDate day, int chairs, int booked) {
    }

    private final JdbcClient jdbc;

    ApheresisStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ApheresisUnit> unit(OrganisationId centre) {
        return jdbc.sql("select * from apheresis_unit where centre_id = ?").param(centre.value())
                .query((row, n) -> new ApheresisUnit(centre, row.getInt("chairs_per_day"), days(row.getString("opening_days")),
                        row.getInt("version"), row.getTimestamp("updated_at").toInstant(), row.getString("updated_by")))
                .optional();
    }

    /** Serialises changes to a centre's unit (and its exceptions) across instances. */
    public void lockCentre(OrganisationId centre) {
        jdbc.sql("select 1 from pg_advisory_xact_lock(hashtextextended(?, 40))").param("apheresis:" + centre)
                .query(Integer.class).single();
    }

    /** Creates or changes the unit; false if it changed since {@code expectedVersion} was read. */
    public boolean saveUnit(OrganisationId centre, int chairs, Set<DayOfWeek> openingDays, Integer expectedVersion,
            String by, Instant now) {
        String days = openingDays.stream().sorted().map(d -> String.valueOf(d.getValue())).collect(Collectors.joining(","));
        if (expectedVersion == null) {
            return jdbc.sql("""
                    insert into apheresis_unit (centre_id, chairs_per_day, opening_days, version, updated_at, updated_by)
                    values (?, ?, ?, 0, ?, ?) on conflict do nothing""")
                    .params(centre.value(), chairs, days, Timestamp.from(now), by).update() == 1;
        }
        return jdbc.sql("""
                update apheresis_unit set chairs_per_day = ?, opening_days = ?, version = version + 1, updated_at = ?,
                    updated_by = ? where centre_id = ? and version = ?""")
                .params(chairs, days, Timestamp.from(now), by, centre.value(), expectedVersion).update() == 1;
    }

    public Map<LocalDate, Exception> exceptions(DataScope scope, OrganisationId centre, LocalDate from, LocalDate to) {
        Map<LocalDate, Exception> result = new LinkedHashMap<>();
        scope.bind(jdbc.sql("select day, chairs, reason from apheresis_exception where centre_id = :centre and "
                        + scope.owns("centre_id") + " and day between :from and :to order by day"))
                .param("centre", centre.value()).param("from", from).param("to", to)
                .query((row, n) -> result.put(row.getDate(1).toLocalDate(),
                        new Exception(row.getDate(1).toLocalDate(), row.getInt(2), row.getString(3))))
                .list();
        return result;
    }

    public void saveException(OrganisationId centre, LocalDate day, int chairs, String reason, String by, Instant now) {
        jdbc.sql("""
                insert into apheresis_exception (centre_id, day, chairs, reason, recorded_at, recorded_by)
                values (?, ?, ?, ?, ?, ?)
                on conflict (centre_id, day) do update set chairs = excluded.chairs, reason = excluded.reason,
                    recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by""")
                .params(centre.value(), day, chairs, reason, Timestamp.from(now), by).update();
    }

    /**
     * Takes one chair of a day in one statement: the counter row is created with the day's chairs if it is new,
     * then incremented only while a chair is free. False when the day is full.
     */
    public boolean takeChair(OrganisationId centre, LocalDate day, int chairs) {
        jdbc.sql("insert into apheresis_day (centre_id, day, chairs, booked) values (?, ?, ?, 0) on conflict do nothing")
                .params(centre.value(), day, chairs).update();
        return jdbc.sql("update apheresis_day set booked = booked + 1 where centre_id = ? and day = ? and booked < chairs")
                .params(centre.value(), day).update() == 1;
    }

    public void releaseChair(OrganisationId centre, LocalDate day) {
        jdbc.sql("update apheresis_day set booked = booked - 1 where centre_id = ? and day = ? and booked > 0")
                .params(centre.value(), day).update();
    }

    /** Sets the chairs of the counters that exist in a range (the caller has checked no day drops below its bookings). */
    public void setChairs(OrganisationId centre, LocalDate day, int chairs) {
        jdbc.sql("update apheresis_day set chairs = ? where centre_id = ? and day = ?").params(chairs, centre.value(), day)
                .update();
    }

    public Map<LocalDate, Counter> counters(DataScope scope, OrganisationId centre, LocalDate from, LocalDate to) {
        Map<LocalDate, Counter> result = new LinkedHashMap<>();
        scope.bind(jdbc.sql("select day, chairs, booked from apheresis_day where centre_id = :centre and "
                        + scope.owns("centre_id") + " and day between :from and :to order by day"))
                .param("centre", centre.value()).param("from", from).param("to", to)
                .query((row, n) -> result.put(row.getDate(1).toLocalDate(),
                        new Counter(row.getDate(1).toLocalDate(), row.getInt(2), row.getInt(3))))
                .list();
        return result;
    }

    /** The existing counters of a range, locked so that no booking takes a chair while capacity changes. */
    public Map<LocalDate, Counter> lockCounters(DataScope scope, OrganisationId centre, LocalDate from, LocalDate to) {
        Map<LocalDate, Counter> result = new LinkedHashMap<>();
        scope.bind(jdbc.sql("select day, chairs, booked from apheresis_day where centre_id = :centre and "
                        + scope.owns("centre_id") + " and day between :from and :to order by day for update"))
                .param("centre", centre.value()).param("from", from).param("to", to)
                .query((row, n) -> result.put(row.getDate(1).toLocalDate(),
                        new Counter(row.getDate(1).toLocalDate(), row.getInt(2), row.getInt(3))))
                .list();
        return result;
    }

    /** Centres that have set up a unit (for the demo seed). */
    public boolean anyUnit() {
        return jdbc.sql("select exists (select 1 from apheresis_unit)").query(Boolean.class).single();
    }

    static Set<DayOfWeek> days(String text) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .forEach(s -> days.add(DayOfWeek.of(Integer.parseInt(s))));
        return days;
    }
}
