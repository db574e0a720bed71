package org.cartpath.scheduling.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cartpath.journey.CaseId;
import org.cartpath.scheduling.BookingPlan;
import org.cartpath.scheduling.BookingPurpose;
import org.cartpath.scheduling.BookingStatus;
import org.cartpath.scheduling.PlanStep;
import org.cartpath.scheduling.PlannedStep;
import org.cartpath.scheduling.SlotBooking;
import org.cartpath.shared.DataScope;
import org.cartpath.shared.OrganisationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for bookings and their plans. */
@Repository
public class BookingStore {

    private final JdbcClient jdbc;

    BookingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(SlotBooking b, String bookedBy, BookingPlan plan) {
        jdbc.sql("""
                insert into slot_booking (id, case_id, case_reference, centre_id, manufacturer_id, product_code, slot_id,
                    apheresis_date, purpose, status, previous_booking_id, chain_of_identity, label_version_id, booked_at,
                    booked_by, booked_by_name)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(b.id(), b.caseId().value(), b.caseReference(), b.centreId().value(), b.manufacturerId().value(),
                        b.productCode(), b.slotId(), b.apheresisDate(), b.purpose().name(), b.status().name(),
                        b.previousBookingId(), b.chainOfIdentity(), b.labelVersionId(), Timestamp.from(b.bookedAt()),
                        bookedBy, b.bookedByName())
                .update();
        int position = 0;
        for (PlannedStep step : plan.steps()) {
            jdbc.sql("""
                    insert into booking_plan_step (booking_id, step, position, planned_on, window_start, window_end, basis,
                        uses_default, conflict) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(b.id(), step.step().name(), ++position, step.plannedOn(), step.windowStart(), step.windowEnd(),
                            step.basis(), step.usesDefault(), step.conflict())
                    .update();
        }
    }

    /** Ends an active booking; false if it is no longer active (someone else ended it first). */
    public boolean end(UUID id, BookingStatus status, String reason, String byName, Instant now) {
        return jdbc.sql("""
                update slot_booking set status = ?, end_reason = ?, ended_by_name = ?, ended_at = ?, version = version + 1
                where id = ? and status = 'BOOKED'""")
                .params(status.name(), reason, byName, Timestamp.from(now), id).update() == 1;
    }

    public Optional<SlotBooking> find(UUID id) {
        return jdbc.sql("select * from slot_booking where id = ?").param(id).query(BookingStore::booking).optional();
    }

    public Optional<SlotBooking> lock(UUID id) {
        return jdbc.sql("select * from slot_booking where id = ? for update").param(id).query(BookingStore::booking).optional();
    }

    public Optional<SlotBooking> activeOfCase(CaseId caseId) {
        return jdbc.sql("select * from slot_booking where case_id = ? and status = 'BOOKED'").param(caseId.value())
                .query(BookingStore::booking).optional();
    }

    /** Every booking of a case, newest first: its booking history. */
    public List<SlotBooking> ofCase(CaseId caseId) {
        return jdbc.sql("select * from slot_booking where case_id = ? order by booked_at desc, id").param(caseId.value())
                .query(BookingStore::booking).list();
    }

    public List<SlotBooking> activeOfSlots(Collection<UUID> slotIds) {
        if (slotIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from slot_booking where status = 'BOOKED' and slot_id in (:ids) order by case_reference")
                .param("ids", slotIds).query(BookingStore::booking).list();
    }

    public List<SlotBooking> activeOnDays(DataScope scope, OrganisationId centre, LocalDate from, LocalDate to) {
        return scope.bind(jdbc.sql("""
                select * from slot_booking where centre_id = :centre and %s and status = 'BOOKED'
                  and apheresis_date between :from and :to
                order by apheresis_date, case_reference""".formatted(scope.owns("centre_id"))))
                .param("centre", centre.value()).param("from", from).param("to", to).query(BookingStore::booking).list();
    }

    /** Active bookings of the centres in scope whose plan touches a range of days. */
    public List<SlotBooking> activeTouching(DataScope scope, LocalDate from, LocalDate to) {
        return scope.bind(jdbc.sql("""
                select b.* from slot_booking b
                where b.status = 'BOOKED'
                  and %s
                  and exists (select 1 from booking_plan_step p where p.booking_id = b.id
                              and p.window_end >= :from and p.window_start <= :to)
                order by b.apheresis_date nulls last, b.case_reference""".formatted(scope.owns("b.centre_id"))))
                .param("from", from).param("to", to)
                .query(BookingStore::booking).list();
    }

    /** A manufacturer's bookings (active and ended) whose slot windows touch a range of days. */
    public List<SlotBooking> ofManufacturer(DataScope scope, LocalDate from, LocalDate to, int limit, int offset) {
        return scope.bind(jdbc.sql("""
                select b.* from slot_booking b join manufacturing_slot s on s.id = b.slot_id
                where %s and s.window_end >= :from and s.window_start <= :to
                order by s.window_start, b.booked_at, b.id limit :limit offset :offset"""
                        .formatted(scope.owns("b.manufacturer_id"))))
                .param("from", from).param("to", to).param("limit", limit).param("offset", offset).query(BookingStore::booking).list();
    }

    public long countOfManufacturer(DataScope scope, LocalDate from, LocalDate to) {
        return scope.bind(jdbc.sql("""
                select count(*) from slot_booking b join manufacturing_slot s on s.id = b.slot_id
                where %s and s.window_end >= :from and s.window_start <= :to"""
                        .formatted(scope.owns("b.manufacturer_id"))))
                .param("from", from).param("to", to).query(Long.class).single();
    }

    public BookingPlan plan(UUID bookingId) {
        return new BookingPlan(jdbc.sql("select * from booking_plan_step where booking_id = ? order by position")
                .param(bookingId)
                .query((row, n) -> new PlannedStep(PlanStep.valueOf(row.getString("step")), date(row, "planned_on"),
                        date(row, "window_start"), date(row, "window_end"), row.getString("basis"),
                        row.getBoolean("uses_default"), row.getString("conflict")))
                .list());
    }

    /** The plans of several bookings at once, in booking order. */
    public List<BookingPlan> plans(List<SlotBooking> bookings) {
        List<BookingPlan> plans = new ArrayList<>(bookings.size());
        for (SlotBooking b : bookings) {
            plans.add(plan(b.id()));
        }
        return plans;
    }

    static SlotBooking booking(ResultSet row, int n) throws SQLException {
        Timestamp ended = row.getTimestamp("ended_at");
        java.sql.Date apheresis = row.getDate("apheresis_date");
        return new SlotBooking(row.getObject("id", UUID.class), new CaseId(row.getObject("case_id", UUID.class)),
                row.getString("case_reference"), new OrganisationId(row.getObject("centre_id", UUID.class)),
                new OrganisationId(row.getObject("manufacturer_id", UUID.class)), row.getString("product_code"),
                row.getObject("slot_id", UUID.class), apheresis == null ? null : apheresis.toLocalDate(),
                BookingPurpose.valueOf(row.getString("purpose")), BookingStatus.valueOf(row.getString("status")),
                row.getObject("previous_booking_id", UUID.class), row.getString("chain_of_identity"),
                row.getString("label_version_id"), row.getTimestamp("booked_at").toInstant(),
                row.getString("booked_by_name"), ended == null ? null : ended.toInstant(), row.getString("ended_by_name"),
                row.getString("end_reason"), row.getInt("version"));
    }

    private static LocalDate date(ResultSet row, String column) throws SQLException {
        return row.getDate(column).toLocalDate();
    }
}
