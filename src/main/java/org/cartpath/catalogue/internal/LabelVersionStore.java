package org.cartpath.catalogue.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.cartpath.catalogue.Jurisdiction;
import org.cartpath.catalogue.LabelVersionSummary;
import org.cartpath.catalogue.ProductCode;
import org.cartpath.shared.PublishedData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for label versions. Insert-only: the table is append-only (V10). */
@Repository
public class LabelVersionStore {

    /** A row to insert. */
    public record NewRow(String id, ProductCode product, Jurisdiction jurisdiction, LocalDate effectiveFrom,
            String documentJson, String digest, String origin, String sourceFile, String sourceText, String addedBy,
            String addedByName, Instant addedAt) {
    }

    private static final String SUMMARY = """
            select id, product, jurisdiction, effective_from, document #>> '{document,title}' as title, origin,
                   added_by_name, added_at
            from catalogue_label_version""";

    private final JdbcClient jdbc;

    LabelVersionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts unless a version with the same id, or the same product, jurisdiction and effective date, is
     * already there (whoever got there first, in any application instance). Returns whether it inserted.
     */
    public boolean insertIfAbsent(NewRow row) {
        return jdbc.sql("""
                insert into catalogue_label_version (id, product, jurisdiction, effective_from, document,
                    document_digest, origin, source_file, source_text, added_by, added_by_name, added_at)
                values (:id, :product, :jurisdiction, :effectiveFrom, cast(:document as jsonb), :digest, :origin,
                    :sourceFile, :sourceText, :addedBy, :addedByName, :addedAt)
                on conflict do nothing""")
                .param("id", row.id())
                .param("product", row.product().name())
                .param("jurisdiction", row.jurisdiction().name())
                .param("effectiveFrom", row.effectiveFrom())
                .param("document", row.documentJson())
                .param("digest", row.digest())
                .param("origin", row.origin())
                .param("sourceFile", row.sourceFile())
                .param("sourceText", row.sourceText())
                .param("addedBy", row.addedBy())
                .param("addedByName", row.addedByName())
                .param("addedAt", Timestamp.from(row.addedAt()))
                .update() == 1;
    }

    public boolean exists(String id) {
        return jdbc.sql("select count(*) from catalogue_label_version where id = ?").param(id)
                .query(Long.class).single() > 0;
    }

    public Optional<String> idEffectiveOn(ProductCode product, Jurisdiction jurisdiction, LocalDate day) {
        return jdbc.sql("""
                select id from catalogue_label_version where product = ? and jurisdiction = ? and effective_from = ?""")
                .params(product.name(), jurisdiction.name(), day).query(String.class).optional();
    }

    /** The id of the version in force on a day: the latest effective on or before it. */
    public Optional<String> currentId(ProductCode product, Jurisdiction jurisdiction, LocalDate on) {
        return jdbc.sql("""
                select id from catalogue_label_version
                where product = ? and jurisdiction = ? and effective_from <= ?
                order by effective_from desc limit 1""")
                .params(product.name(), jurisdiction.name(), on).query(String.class).optional();
    }

    public Optional<String> documentJson(String id) {
        return jdbc.sql("select document::text from catalogue_label_version where id = ?").param(id)
                .query(String.class).optional();
    }

    public Optional<String> digest(String id) {
        return jdbc.sql("select document_digest from catalogue_label_version where id = ?").param(id)
                .query(String.class).optional();
    }

    public Optional<LabelVersionSummary> summary(String id) {
        return jdbc.sql(SUMMARY + " where id = ?").param(id).query(LabelVersionStore::summary).optional();
    }

    /** A product's versions, by jurisdiction and then newest first. */
    @PublishedData("the catalogue's label versions, which cartpath publishes to every organisation")
    public List<LabelVersionSummary> summaries(ProductCode product) {
        return jdbc.sql(SUMMARY + " where product = ? order by jurisdiction, effective_from desc")
                .param(product.name()).query(LabelVersionStore::summary).list();
    }

    private static LabelVersionSummary summary(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new LabelVersionSummary(rs.getString("id"), ProductCode.valueOf(rs.getString("product")),
                Jurisdiction.valueOf(rs.getString("jurisdiction")), rs.getObject("effective_from", LocalDate.class),
                rs.getString("title"), rs.getString("origin"), rs.getString("added_by_name"),
                rs.getTimestamp("added_at").toInstant());
    }
}
