package org.cartpath.reporting;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cartpath.followup.ResponseFramework;
import org.cartpath.shared.DataScope;
import org.cartpath.shared.PublishedData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The cohort's rows, read by SQL from the modules' tables, read-only (ADR 0021): one row per infused patient
 * (day 0 on record) and one per manufacturing attempt. The caller has already fixed the scope in the filter's centre.
 */
@Component
class OutcomeStore {

    /** The filter as a WHERE clause over {@code c} (therapy_case); {@code :age} is the patient's age in the band. */
    private static final String FILTER = """
            (cast(:centre as uuid) is null or c.treating_centre_id = :centre)
            and (cast(:product as text) is null or c.product_code = :product)
            and (cast(:indication as text) is null or c.indication = :indication)
            """;

    private final JdbcClient jdbc;

    /** The scope, then the filter: the scope's centres only, whatever the filter names (it starts with "("). */
    private static String filter(DataScope scope) {
        return "(" + scope.owns("c.treating_centre_id") + ") and " + FILTER;
    }

    OutcomeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The infused patients of the cohort, with their best response (current versions of the assessments). */
    List<CohortPatient> infused(DataScope scope, CohortFilter filter, String zone) {
        Map<UUID, Boolean> best = bestResponses(scope, filter);
        return params(jdbc.sql("""
                select c.id, a.age_years, a.day_zero,
                       cast(coalesce(r.submitted_at, c.opened_at) at time zone :zone as date) as referred_on,
                       (select max(i.collection_date) from custody_item i
                         where i.case_id = c.id and i.kind = 'COLLECTION_BAG' and i.collection_date <= a.day_zero)
                           as apheresis_on,
                       coalesce((select max(e.highest_grade) from monitoring_episode e
                                  where e.case_id = c.id and e.kind = 'CRS'), 0) as crs_grade,
                       (select min(e.onset_day) from monitoring_episode e
                         where e.case_id = c.id and e.kind = 'CRS') as crs_onset,
                       coalesce((select max(e.highest_grade) from monitoring_episode e
                                  where e.case_id = c.id and e.kind = 'ICANS'), 0) as icans_grade,
                       (select min(e.onset_day) from monitoring_episode e
                         where e.case_id = c.id and e.kind = 'ICANS') as icans_onset,
                       exists (select 1 from monitoring_tocilizumab_dose t where t.case_id = c.id) as tocilizumab,
                       coalesce((select d.occurred_on from followup_outcome_event d
                                  where d.case_id = c.id and d.kind = 'DEATH'),
                                case when c.stage = 'DECEASED' then cast(c.stage_changed_at at time zone :zone as date)
                                end) as died_on,
                       greatest(a.day_zero,
                           (select max(v.outcome_on) from followup_clinic_visit v where v.case_id = c.id and v.attended),
                           (select max(o.occurred_on) from followup_outcome_event o where o.case_id = c.id
                              and o.kind <> 'LOST_TO_FOLLOW_UP'),
                           (select cast(max(m.assessed_at) at time zone :zone as date) from monitoring_assessment m
                             where m.case_id = c.id),
                           (select max(f.assessed_on) from followup_response_assessment f where f.case_id = c.id),
                           (select cast(max(t.completed_at) at time zone :zone as date)
                              from followup_registry_timepoint t where t.case_id = c.id)) as last_contact
                from monitoring_anchor a
                join therapy_case c on c.id = a.case_id
                left join referral r on r.case_id = c.id
                where """ + filter(scope) + """
                  and (cast(:ageFrom as integer) is null or a.age_years between :ageFrom and :ageTo)
                  and (cast(:from as date) is null or a.day_zero >= :from)
                  and (cast(:to as date) is null or a.day_zero <= :to)
                order by a.day_zero, c.id""" ), scope, filter).param("zone", zone)
                .query((row, n) -> patient(row, best)).list();
    }

    /** Each infused case's best response: whether it counts as a response; absent when none was assessed. */
    private Map<UUID, Boolean> bestResponses(DataScope scope, CohortFilter filter) {
        Map<UUID, Boolean> best = new HashMap<>();
        params(jdbc.sql("""
                select f.case_id, f.framework, f.category
                from followup_response_assessment f
                join therapy_case c on c.id = f.case_id
                where f.version = (select max(v.version) from followup_response_assessment v
                                    where v.response_id = f.response_id)
                  and """ + filter(scope) ), scope, filter)
                .query((row, n) -> {
                    UUID caseId = row.getObject(1, UUID.class);
                    String category = row.getString(3);
                    boolean response = ResponseFramework.parse(row.getString(2))
                            .map(framework -> ResponseRules.isResponse(framework, category)).orElse(false);
                    best.merge(caseId, response, Boolean::logicalOr);
                    return caseId;
                }).list();
        return best;
    }

    /**
     * The manufacturing attempts of the cases in the filter (product, indication, centre; the age at the case's
     * opening; the period on the day the attempt's outcome was reported), each with its last reported outcome.
     */
    List<ManufacturingAttempt> manufacturingAttempts(DataScope scope, CohortFilter filter, String zone) {
        return params(jdbc.sql("""
                select distinct on (m.case_id, m.attempt) m.status, m.failure_reason,
                       cast(m.reported_at at time zone :zone as date) as reported_on
                from manufacturing_report m
                join therapy_case c on c.id = m.case_id
                join patient p on p.id = c.patient_id
                where m.status in ('RELEASED', 'OUT_OF_SPECIFICATION', 'FAILED')
                  and """ + filter(scope) + """
                  and (cast(:ageFrom as integer) is null or extract(year from age(cast(c.opened_at at time zone :zone
                       as date), p.date_of_birth)) between :ageFrom and :ageTo)
                order by m.case_id, m.attempt, m.reported_at desc, m.id""" ), scope, filter).param("zone", zone)
                .query((row, n) -> {
                    LocalDate reported = row.getObject("reported_on", LocalDate.class);
                    boolean inPeriod = (filter.infusedFrom() == null || !reported.isBefore(filter.infusedFrom()))
                            && (filter.infusedTo() == null || !reported.isAfter(filter.infusedTo()));
                    return inPeriod ? new ManufacturingAttempt(row.getString(1), row.getString(2)) : null;
                }).list().stream().filter(java.util.Objects::nonNull).toList();
    }

    /** The treatment centres, by name: id → name. */
    @PublishedData("the names of the treatment centres, as in the directory every organisation sees")
    Map<UUID, String> centres() {
        Map<UUID, String> centres = new LinkedHashMap<>();
        jdbc.sql("select id, name from organisation where kind = 'TREATMENT_CENTRE' order by name, id")
                .query((row, n) -> centres.put(row.getObject(1, UUID.class), row.getString(2))).list();
        return centres;
    }

    Optional<String> centreName(UUID id) {
        return jdbc.sql("select name from organisation where id = ? and kind = 'TREATMENT_CENTRE'").param(id)
                .query(String.class).optional();
    }

    /** The products and indications of the cases in the scope, for the filter's choices. */
    List<String> productCodes(DataScope scope) {
        return scope.bind(jdbc.sql("""
                select distinct product_code from therapy_case c
                where product_code is not null and %s
                order by 1""".formatted(scope.owns("c.treating_centre_id")))).query(String.class).list();
    }

    List<String> indications(DataScope scope) {
        return scope.bind(jdbc.sql("""
                select distinct indication from therapy_case c
                where indication is not null and %s
                order by 1""".formatted(scope.owns("c.treating_centre_id")))).query(String.class).list();
    }

    private static JdbcClient.StatementSpec params(JdbcClient.StatementSpec sql, DataScope scope,
            CohortFilter filter) {
        return scope.bind(sql).param("centre", filter.centre()).param("product", filter.product())
                .param("indication", filter.indication())
                .param("ageFrom", filter.ageBand() == null ? null : filter.ageBand().fromYears())
                .param("ageTo", filter.ageBand() == null ? null : filter.ageBand().toYears())
                .param("from", filter.infusedFrom() == null ? null : Date.valueOf(filter.infusedFrom()))
                .param("to", filter.infusedTo() == null ? null : Date.valueOf(filter.infusedTo()));
    }

    private static CohortPatient patient(ResultSet row, Map<UUID, Boolean> best) throws SQLException {
        UUID caseId = row.getObject("id", UUID.class);
        return new CohortPatient(row.getInt("age_years"), row.getObject("day_zero", LocalDate.class),
                row.getObject("referred_on", LocalDate.class), row.getObject("apheresis_on", LocalDate.class),
                row.getInt("crs_grade"), (Integer) row.getObject("crs_onset"), row.getInt("icans_grade"),
                (Integer) row.getObject("icans_onset"), row.getBoolean("tocilizumab"),
                row.getObject("died_on", LocalDate.class), row.getObject("last_contact", LocalDate.class),
                best.get(caseId));
    }
}
