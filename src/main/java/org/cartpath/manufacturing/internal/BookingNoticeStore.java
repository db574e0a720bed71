package org.cartpath.manufacturing.internal;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cartpath.manufacturing.BookingNotice;
import org.cartpath.shared.DataScope;
import org.cartpath.shared.OrganisationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The manufacturers' booking notices ({@code manufacturing_booking_notice}, append-only). */
@Repository
public class BookingNoticeStore {

    private final JdbcClient jdbc;

    BookingNoticeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a notice unless the manufacturer has this one already; whether one was recorded. */
    public boolean insertIfAbsent(BookingNotice notice, OrganisationId manufacturer, UUID caseId) {
        return jdbc.sql("""
                insert into manufacturing_booking_notice (id, manufacturer_id, booking_id, case_id, case_reference,
                    chain_of_identity, kind, product_code, site_name, window_start, window_end, apheresis_date, noticed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (booking_id, manufacturer_id, kind) do nothing""")
                .params(notice.id(), manufacturer.value(), notice.bookingId(), caseId, notice.caseReference(),
                        notice.chainOfIdentity(), notice.kind().name(), notice.productCode(), notice.siteName(),
                        notice.windowStart(), notice.windowEnd(), notice.apheresisDate(),
                        Timestamp.from(notice.noticedAt()))
                .update() == 1;
    }

    /** A manufacturer's notices, newest first. */
    public List<BookingNotice> ofManufacturer(DataScope scope, int limit, int offset) {
        return scope.bind(jdbc.sql("""
                select id, booking_id, case_reference, chain_of_identity, kind, product_code, site_name, window_start,
                    window_end, apheresis_date, noticed_at
                from manufacturing_booking_notice where %s
                order by noticed_at desc, id limit :limit offset :offset""".formatted(scope.owns("manufacturer_id"))))
                .param("limit", limit).param("offset", offset)
                .query((rs, n) -> new BookingNotice(rs.getObject("id", UUID.class), rs.getObject("booking_id", UUID.class),
                        rs.getString("case_reference"), rs.getString("chain_of_identity"),
                        BookingNotice.Kind.valueOf(rs.getString("kind")), rs.getString("product_code"),
                        rs.getString("site_name"), rs.getObject("window_start", LocalDate.class),
                        rs.getObject("window_end", LocalDate.class), rs.getObject("apheresis_date", LocalDate.class),
                        rs.getTimestamp("noticed_at").toInstant()))
                .list();
    }

    public long countOfManufacturer(DataScope scope) {
        return scope.bind(jdbc.sql("select count(*) from manufacturing_booking_notice where "
                        + scope.owns("manufacturer_id"))).query(Long.class).single();
    }
}
