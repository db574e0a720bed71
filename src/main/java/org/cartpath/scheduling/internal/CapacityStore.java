package org.cartpath.scheduling.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cartpath.scheduling.ManufacturingSlot;
import org.cartpath.scheduling.planning.SiteCalendar;
import org.cartpath.shared.DataScope;
import org.cartpath.shared.OrganisationId;
import org.cartpath.shared.PublishedData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for manufacturing sites, capacity publications, slots and site holidays. */
@Repository
public class CapacityStore {

    private static final String SLOT = """
            select s.*, m.code as site_code, m.name as site_name
            from manufacturing_slot s join manufacturing_site m on m.id = s.site_id
            """;

    /** The publication in force for a site, product and week. */
    public record CurrentPublication(UUID id, int version, String source, String digest, String enteredByName,
            Instant publishedAt) {
    }

    /** A site of a manufacturer. */
    public record Site(UUID id, OrganisationId manufacturerId, String code, String name) {
    }

    private final JdbcClient jdbc;

    CapacityStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The site with this code, created if new, locked for the rest of the transaction so that publications of
     * one site never interleave (across application instances too).
     */
    public Site lockSite(OrganisationId manufacturer, String code, String name, Instant now) {
        jdbc.sql("""
                insert into manufacturing_site (id, manufacturer_id, code, name, created_at) values (?, ?, ?, ?, ?)
                on conflict (manufacturer_id, code) do nothing""")
                .params(UUID.randomUUID(), manufacturer.value(), code, name, Timestamp.from(now)).update();
        Site site = jdbc.sql("select * from manufacturing_site where manufacturer_id = ? and code = ? for update")
                .params(manufacturer.value(), code).query(CapacityStore::site).single();
        if (!site.name().equals(name)) {
            jdbc.sql("update manufacturing_site set name = ? where id = ?").params(name, site.id()).update();
        }
        return new Site(site.id(), manufacturer, code, name);
    }

    public Optional<CurrentPublication> currentPublication(UUID siteId, String product, LocalDate week) {
        return jdbc.sql("""
                select id, version, source, content_digest, entered_by_name, published_at from capacity_publication
                where site_id = ? and product_code = ? and week_start = ? order by version desc limit 1""")
                .params(siteId, product, week)
                .query((row, n) -> new CurrentPublication(row.getObject("id", UUID.class), row.getInt("version"),
                        row.getString("source"), row.getString("content_digest"), row.getString("entered_by_name"),
                        row.getTimestamp("published_at").toInstant()))
                .optional();
    }

    public void insertPublication(UUID id, UUID siteId, String product, LocalDate week, int version, String source,
            String content, String digest, String enteredBy, String enteredByName, OrganisationId organisation,
            Instant now) {
        jdbc.sql("""
                insert into capacity_publication (id, site_id, product_code, week_start, version, source, content,
                    content_digest, entered_by, entered_by_name, entered_by_organisation_id, published_at)
                values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?)""")
                .params(id, siteId, product, week, version, source, content, digest, enteredBy, enteredByName,
                        organisation == null ? null : organisation.value(), Timestamp.from(now))
                .update();
    }

    /** Every slot of a site, product and week, withdrawn ones included, locked in id order. */
    public List<ManufacturingSlot> lockSlotsOfWeek(UUID siteId, String product, LocalDate week) {
        return jdbc.sql(SLOT + " where s.site_id = ? and s.product_code = ? and s.week_start = ? order by s.id for update of s")
                .params(siteId, product, week).query(CapacityStore::slot).list();
    }

    public void insertSlot(UUID siteId, OrganisationId manufacturer, String product, LocalDate week, LocalDate start,
            LocalDate end, int ordinal, UUID publicationId) {
        jdbc.sql("""
                insert into manufacturing_slot (id, site_id, manufacturer_id, product_code, week_start, window_start,
                    window_end, ordinal, publication_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), siteId, manufacturer.value(), product, week, start, end, ordinal, publicationId)
                .update();
    }

    public void confirmSlot(UUID slotId, UUID publicationId) {
        jdbc.sql("update manufacturing_slot set publication_id = ?, withdrawn_at = null, version = version + 1 where id = ?")
                .params(publicationId, slotId).update();
    }

    public void withdrawSlot(UUID slotId, UUID publicationId, Instant now) {
        jdbc.sql("""
                update manufacturing_slot set publication_id = ?, withdrawn_at = ?, version = version + 1
                where id = ? and booking_id is null""")
                .params(publicationId, Timestamp.from(now), slotId).update();
    }

    public void replaceClosedDays(UUID siteId, String product, LocalDate week, Map<LocalDate, String> closed) {
        jdbc.sql("delete from site_closed_day where site_id = ? and product_code = ? and day between ? and ?")
                .params(siteId, product, week, week.plusDays(6)).update();
        closed.forEach((day, reason) -> jdbc.sql(
                        "insert into site_closed_day (site_id, product_code, day, reason) values (?, ?, ?, ?)")
                .params(siteId, product, day, reason).update());
    }

    /** A site's holidays (from any product's publication) from a day on, for planning shipments. */
    public SiteCalendar calendar(UUID siteId, LocalDate from) {
        Map<LocalDate, String> closed = new LinkedHashMap<>();
        jdbc.sql("select day, min(reason) as reason from site_closed_day where site_id = ? and day >= ? group by day order by day")
                .params(siteId, from)
                .query((row, n) -> closed.put(row.getDate("day").toLocalDate(), row.getString("reason"))).list();
        return new SiteCalendar(closed);
    }

    public Optional<ManufacturingSlot> slot(UUID id) {
        return jdbc.sql(SLOT + " where s.id = ?").param(id).query(CapacityStore::slot).optional();
    }

    public Optional<ManufacturingSlot> lockSlot(UUID id) {
        return jdbc.sql(SLOT + " where s.id = ? for update of s").param(id).query(CapacityStore::slot).optional();
    }

    public void assignBooking(UUID slotId, UUID bookingId) {
        jdbc.sql("update manufacturing_slot set booking_id = ?, version = version + 1 where id = ?")
                .params(bookingId, slotId).update();
    }

    public void freeSlot(UUID slotId) {
        jdbc.sql("update manufacturing_slot set booking_id = null, version = version + 1 where id = ?").param(slotId).update();
    }

    /**
     * Free slots of a product whose window ends on or after {@code from} and starts by {@code to}, earliest
     * first; slots held by an open offer to another case are left out.
     */
    public List<ManufacturingSlot> freeSlots(String product, LocalDate from, LocalDate to, UUID forCase, Instant now) {
        return jdbc.sql(SLOT + """
                where s.product_code = :product and s.withdrawn_at is null and s.booking_id is null
                  and s.window_end >= :from and s.window_start <= :to
                  and not exists (select 1 from slot_offer o where o.slot_id = s.id and o.status = 'OPEN'
                                  and o.expires_at > :now and o.case_id is distinct from cast(:case as uuid))
                order by s.window_end, s.window_start, m.code, s.ordinal
                limit 500""")
                .param("product", product).param("from", from).param("to", to)
                .param("case", forCase).param("now", Timestamp.from(now))
                .query(CapacityStore::slot).list();
    }

    /** The slots of a manufacturer whose windows touch a range of days, with their bookings. */
    public List<ManufacturingSlot> slotsOfManufacturer(DataScope scope, LocalDate from, LocalDate to) {
        return scope.bind(jdbc.sql(SLOT + """
                where %s and s.withdrawn_at is null and s.window_end >= :from and s.window_start <= :to
                order by s.window_start, m.code, s.product_code, s.ordinal""".formatted(scope.owns("s.manufacturer_id"))))
                .param("from", from).param("to", to).query(CapacityStore::slot).list();
    }

    /** A publication in force, as listed on the capacity page. */
    public record WeekSummary(String siteCode, String siteName, String product, LocalDate week, int version, String source,
            String enteredByName, Instant publishedAt, long slots, long booked) {
    }

    @PublishedData("a manufacturer's capacity publications in force, published to every treatment centre")
    public List<WeekSummary> weeks(OrganisationId manufacturer, LocalDate from) {
        return jdbc.sql("""
                select m.code, m.name, p.product_code, p.week_start, p.version, p.source, p.entered_by_name, p.published_at,
                       (select count(*) from manufacturing_slot s where s.site_id = m.id and s.product_code = p.product_code
                          and s.week_start = p.week_start and s.withdrawn_at is null) as slots,
                       (select count(*) from manufacturing_slot s where s.site_id = m.id and s.product_code = p.product_code
                          and s.week_start = p.week_start and s.booking_id is not null) as booked
                from capacity_publication p join manufacturing_site m on m.id = p.site_id
                where m.manufacturer_id = ? and p.week_start >= ?
                  and p.version = (select max(q.version) from capacity_publication q where q.site_id = p.site_id
                                   and q.product_code = p.product_code and q.week_start = p.week_start)
                order by p.week_start, m.code, p.product_code
                limit 500""")
                .params(manufacturer.value(), from)
                .query((row, n) -> new WeekSummary(row.getString(1), row.getString(2), row.getString(3),
                        row.getDate(4).toLocalDate(), row.getInt(5), row.getString(6), row.getString(7),
                        row.getTimestamp(8).toInstant(), row.getLong(9), row.getLong(10)))
                .list();
    }

    /** Which of these slots an open, unexpired offer holds. */
    public java.util.Set<UUID> offered(java.util.Collection<UUID> slotIds, Instant now) {
        if (slotIds.isEmpty()) {
            return java.util.Set.of();
        }
        return java.util.Set.copyOf(jdbc.sql("select slot_id from slot_offer where status = 'OPEN' and expires_at > :now "
                        + "and slot_id in (:ids)")
                .param("now", Timestamp.from(now)).param("ids", slotIds).query(UUID.class).list());
    }

    public boolean anyCapacity() {
        return jdbc.sql("select exists (select 1 from capacity_publication)").query(Boolean.class).single();
    }

    static Site site(ResultSet row, int n) throws SQLException {
        return new Site(row.getObject("id", UUID.class), new OrganisationId(row.getObject("manufacturer_id", UUID.class)),
                row.getString("code"), row.getString("name"));
    }

    static ManufacturingSlot slot(ResultSet row, int n) throws SQLException {
        return new ManufacturingSlot(row.getObject("id", UUID.class), row.getObject("site_id", UUID.class),
                row.getString("site_code"), row.getString("site_name"),
                new OrganisationId(row.getObject("manufacturer_id", UUID.class)), row.getString("product_code"),
                row.getDate("week_start").toLocalDate(), row.getDate("window_start").toLocalDate(),
                row.getDate("window_end").toLocalDate(), row.getInt("ordinal"), row.getTimestamp("withdrawn_at") != null,
                row.getObject("booking_id", UUID.class));
    }
}
