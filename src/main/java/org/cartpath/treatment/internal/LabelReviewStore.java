package org.cartpath.treatment.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cartpath.shared.DataScope;
import org.cartpath.shared.InternalJob;
import org.cartpath.shared.OrganisationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The pharmacy's label reviews ({@code pharmacy_label_review}). */
@Repository
public class LabelReviewStore {

    /** A review row as stored; the product's name is the catalogue's. */
    public record Row(UUID id, OrganisationId centreId, String labelVersionId, String productCode, String jurisdiction,
            LocalDate effectiveFrom, Instant openedAt, String reviewedByName, Instant reviewedAt, String note) {
    }

    private static final String COLUMNS = "id, centre_id, label_version_id, product_code, jurisdiction, effective_from,"
            + " opened_at, reviewed_by_name, reviewed_at, note";

    private final JdbcClient jdbc;

    LabelReviewStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The active treatment centres that have a case of this product under this jurisdiction (any stage): the centres
     * whose pharmacy treats with the product. An internal job's read, not an actor's: it decides, it shows nothing.
     */
    @InternalJob("a new label version opens a review at every centre treating with the product; no row is shown")
    public List<OrganisationId> centresTreatingWith(String productCode, String jurisdiction) {
        return jdbc.sql("""
                select distinct o.id from therapy_case c join organisation o on o.id = c.treating_centre_id
                where c.product_code = ? and c.jurisdiction = ? and o.kind = 'TREATMENT_CENTRE' and o.active
                order by o.id""")
                .params(productCode, jurisdiction).query((rs, n) -> new OrganisationId(rs.getObject(1, UUID.class)))
                .list();
    }

    /** Opens a review unless the centre has one for this version already; whether one was opened. */
    public boolean openIfAbsent(UUID id, OrganisationId centre, String labelVersionId, String productCode, String jurisdiction,
            LocalDate effectiveFrom, Instant now) {
        return jdbc.sql("""
                insert into pharmacy_label_review (id, centre_id, label_version_id, product_code, jurisdiction,
                    effective_from, opened_at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (centre_id, label_version_id) do nothing""")
                .params(id, centre.value(), labelVersionId, productCode, jurisdiction, effectiveFrom,
                        Timestamp.from(now))
                .update() == 1;
    }

    /** The centre's reviews: open ones first (oldest first), then the latest reviewed. */
    public List<Row> ofCentre(DataScope scope, int limit) {
        return scope.bind(jdbc.sql("select " + COLUMNS + " from pharmacy_label_review where " + scope.owns("centre_id")
                        + " order by reviewed_at is not null, case when reviewed_at is null then opened_at end,"
                        + " reviewed_at desc, id limit :limit"))
                .param("limit", limit).query(LabelReviewStore::row).list();
    }

    /** One review of the centre, locked for marking. */
    public Optional<Row> lock(OrganisationId centre, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from pharmacy_label_review where centre_id = ? and id = ? for update")
                .params(centre.value(), id).query(LabelReviewStore::row).optional();
    }

    public void markReviewed(UUID id, UUID userId, String userName, Instant at, String note) {
        jdbc.sql("""
                update pharmacy_label_review set reviewed_by = ?, reviewed_by_name = ?, reviewed_at = ?, note = ?,
                    version = version + 1
                where id = ? and reviewed_at is null""")
                .params(userId, userName, Timestamp.from(at), note, id).update();
    }

    private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp reviewed = rs.getTimestamp("reviewed_at");
        return new Row(rs.getObject("id", UUID.class), new OrganisationId(rs.getObject("centre_id", UUID.class)),
                rs.getString("label_version_id"), rs.getString("product_code"), rs.getString("jurisdiction"),
                rs.getObject("effective_from", LocalDate.class), rs.getTimestamp("opened_at").toInstant(),
                rs.getString("reviewed_by_name"), reviewed == null ? null : reviewed.toInstant(), rs.getString("note"));
    }
}
