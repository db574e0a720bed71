package org.cartpath.reporting.exports;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cartpath.shared.Actor;
import org.cartpath.shared.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The registries' ids of patients and the submission status of each registry form (V241, ADR 0036). */
@Component
class RegistryStore {

    private final JdbcClient jdbc;

    RegistryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A case of the scope's centre: its reference and patient; empty when it is another centre's or none. */
    record CaseOfCentre(UUID caseId, String reference, UUID patientId) {
    }

    Optional<CaseOfCentre> caseOf(DataScope scope, UUID caseId) {
        return scope.bind(jdbc.sql("select c.id, c.reference, c.patient_id from therapy_case c where c.id = :id and ("
                + scope.owns("c.treating_centre_id") + ")")).param("id", caseId)
                .query((row, n) -> new CaseOfCentre(row.getObject(1, UUID.class), row.getString(2),
                        row.getObject(3, UUID.class))).optional();
    }

    record StoredId(Registry registry, String registryId, UUID recordedForCase, String recordedByName,
            Instant recordedAt, int version) {
    }

    List<StoredId> ids(UUID patientId) {
        return jdbc.sql("""
                select registry, registry_id, recorded_for_case, recorded_by_name, recorded_at, version
                from reporting_registry_id where patient_id = ? order by registry""").param(patientId)
                .query((row, n) -> new StoredId(Registry.valueOf(row.getString(1)), row.getString(2),
                        row.getObject(3, UUID.class), row.getString(4),
                        row.getObject(5, java.time.OffsetDateTime.class).toInstant(), row.getInt(6))).list();
    }

    /** The patient the id is recorded for, if any (one id names one patient: hazard H-33). */
    Optional<UUID> patientWith(Registry registry, String registryId) {
        return jdbc.sql("select patient_id from reporting_registry_id where registry = ? and registry_id = ?")
                .params(registry.name(), registryId).query(UUID.class).optional();
    }

    /** Inserts the patient's id; false when the patient has one or the id is another patient's (a race). */
    boolean insertId(UUID patientId, Registry registry, String registryId, UUID caseId, Actor actor, Instant now) {
        return jdbc.sql("""
                insert into reporting_registry_id (patient_id, registry, registry_id, recorded_for_case,
                    recorded_by_id, recorded_by_name, recorded_by_org, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(patientId, registry.name(), registryId, caseId, actor.id(), actor.displayName(),
                        actor.organisationId().value(), Timestamp.from(now)).update() == 1;
    }

    /** Corrects the patient's id at its version; false when it changed meanwhile. */
    boolean correctId(UUID patientId, Registry registry, String registryId, UUID caseId, Actor actor, Instant now,
            int version) {
        return jdbc.sql("""
                update reporting_registry_id set registry_id = ?, recorded_for_case = ?, recorded_by_id = ?,
                    recorded_by_name = ?, recorded_by_org = ?, recorded_at = ?, version = version + 1
                where patient_id = ? and registry = ? and version = ?""")
                .params(registryId, caseId, actor.id(), actor.displayName(), actor.organisationId().value(),
                        Timestamp.from(now), patientId, registry.name(), version).update() == 1;
    }

    record StoredSubmission(String form, String timepoint, String status, LocalDate statusOn, String query,
            String recordedByName, Instant recordedAt, int version) {
    }

    List<StoredSubmission> submissions(UUID caseId) {
        return jdbc.sql("""
                select form, timepoint, status, status_on, query, recorded_by_name, recorded_at, version
                from reporting_registry_submission where case_id = ?
                order by form, case when timepoint = 'DAY_0' then 0 when timepoint = 'DAY_100' then 1
                                   when timepoint = 'MONTH_6' then 2 else 2 + cast(substr(timepoint, 6) as integer) end""")
                .param(caseId).query((row, n) -> new StoredSubmission(row.getString(1), row.getString(2),
                        row.getString(3), row.getObject(4, LocalDate.class), row.getString(5), row.getString(6),
                        row.getObject(7, java.time.OffsetDateTime.class).toInstant(), row.getInt(8))).list();
    }

    /** Inserts or changes one form's status at the version read (-1: none yet); false when it changed meanwhile. */
    boolean saveSubmission(UUID caseId, String form, String timepoint, String status, LocalDate statusOn, String query,
            Actor actor, Instant now, int version) {
        if (version < 0) {
            return jdbc.sql("""
                    insert into reporting_registry_submission (case_id, form, timepoint, status, status_on, query,
                        recorded_by_id, recorded_by_name, recorded_by_org, recorded_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                    .params(caseId, form, timepoint, status, statusOn == null ? null : Date.valueOf(statusOn), query,
                            actor.id(), actor.displayName(), actor.organisationId().value(), Timestamp.from(now))
                    .update() == 1;
        }
        return jdbc.sql("""
                update reporting_registry_submission set status = ?, status_on = ?, query = ?, recorded_by_id = ?,
                    recorded_by_name = ?, recorded_by_org = ?, recorded_at = ?, version = version + 1
                where case_id = ? and form = ? and timepoint = ? and version = ?""")
                .params(status, statusOn == null ? null : Date.valueOf(statusOn), query, actor.id(),
                        actor.displayName(), actor.organisationId().value(), Timestamp.from(now), caseId, form,
                        timepoint, version).update() == 1;
    }

    /** One infused case of the centre on a registry track, with its registry id and forms' statuses. */
    record Overview(UUID caseId, String reference, String track, LocalDate dayZero, String registryId,
            int submitted, int accepted, int returned) {
    }

    /** The scope's infused cases on a registry track, newest infusion first (at most {@code limit}). */
    List<Overview> overview(DataScope scope, int limit) {
        return scope.bind(jdbc.sql("""
                select c.id, c.reference, p.track, p.day_zero,
                       (select r.registry_id from reporting_registry_id r where r.patient_id = c.patient_id
                         and r.registry = case when p.track = 'EBMT' then 'EBMT' else 'CIBMTR' end) as registry_id,
                       (select count(*) from reporting_registry_submission s where s.case_id = c.id
                         and s.status = 'SUBMITTED') as submitted,
                       (select count(*) from reporting_registry_submission s where s.case_id = c.id
                         and s.status = 'ACCEPTED') as accepted,
                       (select count(*) from reporting_registry_submission s where s.case_id = c.id
                         and s.status = 'RETURNED_WITH_QUERY') as returned
                from followup_plan p join therapy_case c on c.id = p.case_id
                where (%s)
                order by p.day_zero desc, c.reference limit :limit""".formatted(scope.owns("c.treating_centre_id"))))
                .param("limit", limit)
                .query((row, n) -> new Overview(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
                        row.getObject(4, LocalDate.class), row.getString(5), row.getInt(6), row.getInt(7),
                        row.getInt(8))).list();
    }

    /** The registry time points of the case's plan (DAY_100, MONTH_6, YEAR_n), in order. */
    List<String> timepoints(UUID caseId) {
        return jdbc.sql("select name from followup_registry_timepoint where case_id = ? order by due_date")
                .param(caseId).query(String.class).list();
    }

    Optional<String> track(UUID caseId) {
        return jdbc.sql("select track from followup_plan where case_id = ?").param(caseId).query(String.class)
                .optional();
    }
}
