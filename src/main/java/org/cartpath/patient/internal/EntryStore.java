package org.cartpath.patient.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.cartpath.patient.ClinicalDetails;
import org.cartpath.patient.Entry;
import org.cartpath.patient.EntryKind;
import org.cartpath.patient.PatientId;
import org.cartpath.shared.Actor;
import org.cartpath.shared.OrganisationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the clinical history: insert-only entries of every kind, and their voids. */
@Repository
public class EntryStore {

    /** Where an entry lives: its patient, its kind and the organisation that recorded it. */
    public record EntryLocation(UUID id, PatientId patientId, EntryKind kind, OrganisationId recordedBy) {
    }

    private final JdbcClient jdbc;

    EntryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public <T extends ClinicalDetails> UUID insert(PatientId patient, T details, Actor actor, Instant at) {
        EntryTables.Table<T> table = EntryTables.of(details.kind());
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("id", UUID.randomUUID());
        columns.put("patient_id", patient.value());
        columns.putAll(table.columns().apply(details));
        columns.put("recorded_at", Timestamp.from(at));
        columns.put("recorded_by_id", actor.id());
        columns.put("recorded_by_name", actor.displayName());
        columns.put("recorded_by_organisation", actor.organisationId().value());
        columns.put("recorded_by_organisation_name", actor.organisationName());
        String names = String.join(", ", columns.keySet());
        String values = columns.keySet().stream().map(c -> ":" + c).collect(Collectors.joining(", "));
        jdbc.sql("insert into " + table.name() + " (" + names + ") values (" + values + ")").params(columns).update();
        return (UUID) columns.get("id");
    }

    public <T extends ClinicalDetails> List<Entry<T>> list(PatientId patient, EntryKind kind) {
        EntryTables.Table<T> table = EntryTables.of(kind);
        return jdbc.sql("""
                select e.*, v.reason as void_reason, v.voided_at, v.voided_by_name, v.voided_by_organisation_name
                from %s e left join patient_entry_void v on v.entry_id = e.id
                where e.patient_id = ? order by e.%s desc, e.recorded_at desc""".formatted(table.name(), table.dateColumn()))
                .param(patient.value())
                .query((row, n) -> entry(table, row))
                .list();
    }

    public <T extends ClinicalDetails> Optional<Entry<T>> find(EntryLocation location) {
        EntryTables.Table<T> table = EntryTables.of(location.kind());
        return jdbc.sql("""
                select e.*, v.reason as void_reason, v.voided_at, v.voided_by_name, v.voided_by_organisation_name
                from %s e left join patient_entry_void v on v.entry_id = e.id
                where e.id = ?""".formatted(table.name()))
                .param(location.id())
                .query((row, n) -> entry(table, row))
                .optional();
    }

    public Optional<EntryLocation> locate(UUID entryId) {
        return jdbc.sql("select * from patient_clinical_entry where id = ?").param(entryId)
                .query((row, n) -> new EntryLocation(entryId, new PatientId(row.getObject("patient_id", UUID.class)),
                        EntryKind.valueOf(row.getString("kind")),
                        new OrganisationId(row.getObject("recorded_by_organisation", UUID.class))))
                .optional();
    }

    /** Voids an entry; false when it was already voided (one void per entry, enforced by the primary key). */
    public boolean voidEntry(EntryLocation location, String reason, Actor actor, Instant at) {
        return jdbc.sql("""
                insert into patient_entry_void (entry_id, patient_id, kind, reason, voided_at, voided_by_id,
                    voided_by_name, voided_by_organisation, voided_by_organisation_name)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (entry_id) do nothing""")
                .params(location.id(), location.patientId().value(), location.kind().name(), reason, Timestamp.from(at),
                        actor.id(), actor.displayName(), actor.organisationId().value(), actor.organisationName())
                .update() == 1;
    }

    private static <T extends ClinicalDetails> Entry<T> entry(EntryTables.Table<T> table, ResultSet row)
            throws SQLException {
        String voidReason = row.getString("void_reason");
        return new Entry<>(
                row.getObject("id", UUID.class),
                table.kind(),
                table.reader().read(row),
                new Entry.Recorded(row.getTimestamp("recorded_at").toInstant(), row.getString("recorded_by_name"),
                        new OrganisationId(row.getObject("recorded_by_organisation", UUID.class)),
                        row.getString("recorded_by_organisation_name")),
                voidReason == null ? null : new Entry.Voided(voidReason, row.getTimestamp("voided_at").toInstant(),
                        row.getString("voided_by_name"), row.getString("voided_by_organisation_name")));
    }
}
