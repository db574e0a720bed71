package org.cartpath.reporting;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
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

    /**
     * The last day a patient is known alive (docs/clinical/outcome-measures.md, "Overall survival from infusion"): the
     * latest of day 0 (null when not infused), an attended clinic visit, a dated follow-up event other than "lost to
     * follow-up", a monitoring assessment, a response assessment and a completed registry form; {@code :extra} is
     * added by the caller (null when none).
     */
    private static final String LAST_CONTACT = """
            greatest(a.day_zero,
                (select max(v.outcome_on) from followup_clinic_visit v where v.case_id = c.id and v.attended),
                (select max(o.occurred_on) from followup_outcome_event o where o.case_id = c.id
                   and o.kind <> 'LOST_TO_FOLLOW_UP'),
                (select cast(max(m.assessed_at) at time zone :zone as date) from monitoring_assessment m
                  where m.case_id = c.id),
                (select max(f.assessed_on) from followup_response_assessment f where f.case_id = c.id),
                (select cast(max(t.completed_at) at time zone :zone as date)
                   from followup_registry_timepoint t where t.case_id = c.id)""";

    /** The date of death: follow-up's, else the day the case was ended as deceased (a death recorded without date). */
    private static final String DIED_ON = """
            coalesce((select d.occurred_on from followup_outcome_event d
                       where d.case_id = c.id and d.kind = 'DEATH'),
                     case when c.stage = 'DECEASED' then cast(c.stage_changed_at at time zone :zone as date)
                     end)""";

    /** The infused patients of the cohort, with their response assessments and toxicity episodes. */
    List<CohortPatient> infused(DataScope scope, CohortFilter filter, String zone) {
        return infusedByCentre(scope, filter, zone).values().stream().flatMap(List::stream).toList();
    }

    /** The same, by treating centre (id), each centre's in the order of day 0. */
    Map<UUID, List<CohortPatient>> infusedByCentre(DataScope scope, CohortFilter filter, String zone) {
        Map<UUID, List<CohortPatient.Assessed>> responses = responses(scope, filter);
        Map<UUID, List<CohortPatient.Episode>> episodes = episodes(scope, filter);
        Map<UUID, List<CohortPatient>> byCentre = new LinkedHashMap<>();
        params(jdbc.sql("""
                select c.id, c.treating_centre_id, c.indication, a.age_years, a.day_zero,
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
                       (select min(o.occurred_on) from followup_outcome_event o where o.case_id = c.id
                          and o.kind in ('RELAPSE', 'PROGRESSION')) as relapse_on,
                       """ + DIED_ON + """
                        as died_on,
                       """ + LAST_CONTACT + """
                       ) as last_contact
                from monitoring_anchor a
                join therapy_case c on c.id = a.case_id
                left join referral r on r.case_id = c.id
                where """ + filter(scope) + """
                  and (cast(:ageFrom as integer) is null or a.age_years between :ageFrom and :ageTo)
                  and (cast(:from as date) is null or a.day_zero >= :from)
                  and (cast(:to as date) is null or a.day_zero <= :to)
                order by a.day_zero, c.id""" ), scope, filter).param("zone", zone)
                .query((row, n) -> byCentre.computeIfAbsent(row.getObject("treating_centre_id", UUID.class),
                        k -> new ArrayList<>()).add(patient(row, responses, episodes))).list();
        return byCentre;
    }

    /**
     * The patients the national panel approved in the filters, infused or not (intention to treat): the period and the
     * age band apply to the day of approval.
     */
    List<ApprovedPatient> approved(DataScope scope, CohortFilter filter, String zone) {
        return params(jdbc.sql("""
                select ap.approved_on, a.day_zero,
                       """ + DIED_ON + """
                        as died_on,
                       """ + LAST_CONTACT + """
                       , ap.approved_on,
                         (select max(i.collection_date) from custody_item i
                           where i.case_id = c.id and i.kind = 'COLLECTION_BAG')) as last_contact
                from therapy_case c
                join lateral (select cast(min(d.decided_at) at time zone :zone as date) as approved_on
                                from panel_decision d where d.case_id = c.id and d.outcome = 'APPROVE') ap
                  on ap.approved_on is not null
                join patient p on p.id = c.patient_id
                left join monitoring_anchor a on a.case_id = c.id
                where """ + filter(scope) + """
                  and (cast(:ageFrom as integer) is null
                       or extract(year from age(ap.approved_on, p.date_of_birth)) between :ageFrom and :ageTo)
                  and (cast(:from as date) is null or ap.approved_on >= :from)
                  and (cast(:to as date) is null or ap.approved_on <= :to)
                order by ap.approved_on, c.id""" ), scope, filter).param("zone", zone)
                .query((row, n) -> new ApprovedPatient(row.getObject("approved_on", LocalDate.class),
                        row.getObject("day_zero", LocalDate.class), row.getObject("died_on", LocalDate.class),
                        row.getObject("last_contact", LocalDate.class))).list();
    }

    /** Each infused case's response assessments (current versions), by date. */
    private Map<UUID, List<CohortPatient.Assessed>> responses(DataScope scope, CohortFilter filter) {
        Map<UUID, List<CohortPatient.Assessed>> responses = new HashMap<>();
        params(jdbc.sql("""
                select f.case_id, f.framework, f.category, f.assessed_on
                from followup_response_assessment f
                join therapy_case c on c.id = f.case_id
                where f.version = (select max(v.version) from followup_response_assessment v
                                    where v.response_id = f.response_id)
                  and """ + filter(scope) + """
                order by f.assessed_on, f.response_id""" ), scope, filter)
                .query((row, n) -> {
                    UUID caseId = row.getObject(1, UUID.class);
                    String category = row.getString(3);
                    boolean response = ResponseFramework.parse(row.getString(2))
                            .map(framework -> ResponseRules.isResponse(framework, category)).orElse(false);
                    responses.computeIfAbsent(caseId, k -> new ArrayList<>())
                            .add(new CohortPatient.Assessed(row.getObject(4, LocalDate.class), response));
                    return caseId;
                }).list();
        return responses;
    }

    /** Each infused case's CRS and ICANS episodes. */
    private Map<UUID, List<CohortPatient.Episode>> episodes(DataScope scope, CohortFilter filter) {
        Map<UUID, List<CohortPatient.Episode>> episodes = new HashMap<>();
        params(jdbc.sql("""
                select e.case_id, e.kind, e.onset_day, e.highest_grade
                from monitoring_episode e
                join therapy_case c on c.id = e.case_id
                where """ + filter(scope) + """
                order by e.case_id, e.kind, e.sequence""" ), scope, filter)
                .query((row, n) -> episodes.computeIfAbsent(row.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(new CohortPatient.Episode(row.getString(2), row.getInt(3), row.getInt(4)))).list();
        return episodes;
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

    private static CohortPatient patient(ResultSet row, Map<UUID, List<CohortPatient.Assessed>> responses,
            Map<UUID, List<CohortPatient.Episode>> episodes) throws SQLException {
        UUID caseId = row.getObject("id", UUID.class);
        List<CohortPatient.Assessed> assessed = responses.getOrDefault(caseId, List.of());
        return new CohortPatient(row.getInt("age_years"), row.getObject("day_zero", LocalDate.class),
                row.getObject("referred_on", LocalDate.class), row.getObject("apheresis_on", LocalDate.class),
                row.getInt("crs_grade"), (Integer) row.getObject("crs_onset"), row.getInt("icans_grade"),
                (Integer) row.getObject("icans_onset"), row.getBoolean("tocilizumab"),
                row.getObject("died_on", LocalDate.class), row.getObject("last_contact", LocalDate.class),
                assessed.isEmpty() ? null : assessed.stream().anyMatch(CohortPatient.Assessed::response),
                row.getString("indication"), row.getObject("relapse_on", LocalDate.class), assessed,
                episodes.getOrDefault(caseId, List.of()));
    }
}
