package org.cartpath.reporting.exports;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.cartpath.catalogue.Catalogue;
import org.cartpath.followup.ResponseFramework;
import org.cartpath.reporting.ResponseRules;
import org.cartpath.shared.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rows an export is built from, read by SQL from the modules' tables, read-only (as the outcome store reads them,
 * ADR 0021): the scope's centres only, narrowed to one centre when the export names one.
 */
@Component
class ExportSources {

    private final JdbcClient jdbc;
    private final Catalogue catalogue;

    ExportSources(JdbcClient jdbc, Catalogue catalogue) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
    }

    /** The patients with an administration of the CAR-T regimen (lymphodepletion or cells) in the month. */
    List<SactPatient> sactPatients(DataScope scope, UUID centre, YearMonth month, ZoneId zone,
            Function<UUID, String> pseudonym) {
        Timestamp from = Timestamp.from(month.atDay(1).atStartOfDay(zone).toInstant());
        Timestamp to = Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
        record Base(UUID caseId, String reference, UUID patientId, String nhs, String local, LocalDate birth,
                String family, String given, String sex, String postcode, String ods, String indication,
                String product, LocalDate approved, BigDecimal weight, LocalDate dayZero, OffsetDateTime infusedAt) {
        }
        List<Base> bases = scope.bind(jdbc.sql("""
                select c.id, c.reference, c.patient_id, p.nhs_number, p.local_number, p.date_of_birth, p.family_name,
                       p.given_name, p.sex, p.postcode, o.ods_code, c.indication, c.product_code,
                       (select cast(min(d.decided_at) at time zone :zone as date) from panel_decision d
                         where d.case_id = c.id and d.outcome = 'APPROVE') as approved_on,
                       coalesce((select i.weight_kg from infusion i where i.case_id = c.id),
                                (select w.weight_kg from monitoring_weight w where w.case_id = c.id
                                  order by w.measured_on, w.recorded_at limit 1)) as weight_kg,
                       a.day_zero, coalesce((select i.started_at from infusion i where i.case_id = c.id), a.infused_at)
                           as infused_at
                from therapy_case c
                join patient p on p.id = c.patient_id
                join organisation o on o.id = c.treating_centre_id
                left join monitoring_anchor a on a.case_id = c.id
                where (%s) and (cast(:centre as uuid) is null or c.treating_centre_id = :centre)
                  and ((a.infused_at >= :from and a.infused_at < :to)
                       or exists (select 1 from lymphodepletion_administration l where l.case_id = c.id
                                   and l.status <> 'HELD' and l.given_at >= :from and l.given_at < :to))
                order by c.reference""".formatted(scope.owns("c.treating_centre_id"))))
                .param("zone", zone.getId()).param("centre", centre).param("from", from).param("to", to)
                .query((row, n) -> new Base(row.getObject("id", UUID.class), row.getString("reference"),
                        row.getObject("patient_id", UUID.class), row.getString("nhs_number"),
                        row.getString("local_number"), row.getObject("date_of_birth", LocalDate.class),
                        row.getString("family_name"), row.getString("given_name"), row.getString("sex"),
                        row.getString("postcode"), row.getString("ods_code"), row.getString("indication"),
                        row.getString("product_code"), row.getObject("approved_on", LocalDate.class),
                        row.getBigDecimal("weight_kg"), row.getObject("day_zero", LocalDate.class),
                        row.getObject("infused_at", OffsetDateTime.class))).list();
        Map<UUID, List<SactPatient.Administration>> byCase = new HashMap<>();
        if (!bases.isEmpty()) {
            jdbc.sql("""
                    select case_id, drug, given_at, given_mg from lymphodepletion_administration
                    where case_id = any(:cases) and status <> 'HELD'
                    order by case_id, given_at, drug""")
                    .param("cases", bases.stream().map(Base::caseId).toArray(UUID[]::new))
                    .query((row, n) -> byCase.computeIfAbsent(row.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new SactPatient.Administration(row.getString(2), false,
                                    row.getObject(3, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC),
                                    row.getBigDecimal(4)))).list();
        }
        List<SactPatient> patients = new ArrayList<>();
        for (Base b : bases) {
            List<SactPatient.Administration> administrations = new ArrayList<>(byCase.getOrDefault(b.caseId(),
                    List.of()));
            String inn = inn(b.product());
            if (b.infusedAt() != null) {
                administrations.add(new SactPatient.Administration(inn == null ? null : inn.toUpperCase(), true,
                        b.infusedAt().withOffsetSameInstant(ZoneOffset.UTC), null));
            }
            patients.add(new SactPatient(b.caseId(), b.reference(), b.patientId(), pseudonym.apply(b.patientId()),
                    b.nhs(), b.local(), b.birth(), b.family(), b.given(), b.sex(), b.postcode(), b.ods(),
                    b.indication(), inn, b.approved(), b.weight(), b.dayZero(), List.copyOf(administrations)));
        }
        return patients;
    }

    /**
     * The patients approved by the national panel or infused by the cut-off, with what the extract reports of them,
     * each as it stood at the cut-off (nothing dated later).
     */
    List<CdfPatient> cdfPatients(DataScope scope, UUID centre, LocalDate cutOff, ZoneId zone,
            Function<UUID, String> pseudonym) {
        Date cut = Date.valueOf(cutOff);
        record Base(UUID caseId, String reference, UUID patientId, String ods, String product, String indication,
                LocalDate approved, LocalDate dayZero, LocalDate relapseOn, String relapseKind, LocalDate diedOn,
                LocalDate lastContact) {
        }
        List<Base> bases = scope.bind(jdbc.sql("""
                select c.id, c.reference, c.patient_id, o.ods_code, c.product_code, c.indication,
                       (select cast(min(d.decided_at) at time zone :zone as date) from panel_decision d
                         where d.case_id = c.id and d.outcome = 'APPROVE'
                           and cast(d.decided_at at time zone :zone as date) <= :cut) as approved_on,
                       case when a.day_zero <= :cut then a.day_zero end as day_zero,
                       (select min(e.occurred_on) from followup_outcome_event e where e.case_id = c.id
                         and e.kind in ('RELAPSE', 'PROGRESSION') and e.occurred_on <= :cut) as relapse_on,
                       (select e.kind from followup_outcome_event e where e.case_id = c.id
                         and e.kind in ('RELAPSE', 'PROGRESSION') and e.occurred_on <= :cut
                         order by e.occurred_on, e.kind limit 1) as relapse_kind,
                       coalesce((select d.occurred_on from followup_outcome_event d
                                  where d.case_id = c.id and d.kind = 'DEATH' and d.occurred_on <= :cut),
                                case when c.stage = 'DECEASED'
                                      and cast(c.stage_changed_at at time zone :zone as date) <= :cut
                                     then cast(c.stage_changed_at at time zone :zone as date) end) as died_on,
                       greatest(
                           (select max(v.outcome_on) from followup_clinic_visit v where v.case_id = c.id
                             and v.attended and v.outcome_on <= :cut),
                           (select max(o2.occurred_on) from followup_outcome_event o2 where o2.case_id = c.id
                             and o2.kind <> 'LOST_TO_FOLLOW_UP' and o2.occurred_on <= :cut),
                           (select cast(max(m.assessed_at) at time zone :zone as date) from monitoring_assessment m
                             where m.case_id = c.id and cast(m.assessed_at at time zone :zone as date) <= :cut),
                           (select max(f.assessed_on) from followup_response_assessment f where f.case_id = c.id
                             and f.assessed_on <= :cut)) as last_contact
                from therapy_case c
                join organisation o on o.id = c.treating_centre_id
                left join monitoring_anchor a on a.case_id = c.id
                where (%s) and (cast(:centre as uuid) is null or c.treating_centre_id = :centre)
                  and (a.day_zero <= :cut
                       or exists (select 1 from panel_decision d where d.case_id = c.id and d.outcome = 'APPROVE'
                                   and cast(d.decided_at at time zone :zone as date) <= :cut))
                order by c.reference""".formatted(scope.owns("c.treating_centre_id"))))
                .param("zone", zone.getId()).param("centre", centre).param("cut", cut)
                .query((row, n) -> new Base(row.getObject("id", UUID.class), row.getString("reference"),
                        row.getObject("patient_id", UUID.class), row.getString("ods_code"),
                        row.getString("product_code"), row.getString("indication"),
                        row.getObject("approved_on", LocalDate.class), row.getObject("day_zero", LocalDate.class),
                        row.getObject("relapse_on", LocalDate.class), row.getString("relapse_kind"),
                        row.getObject("died_on", LocalDate.class), row.getObject("last_contact", LocalDate.class)))
                .list();
        Map<UUID, List<CdfPatient.Response>> responses = new HashMap<>();
        if (!bases.isEmpty()) {
            jdbc.sql("""
                    select f.case_id, f.assessed_on, f.framework, f.category
                    from followup_response_assessment f
                    where f.case_id = any(:cases) and f.assessed_on <= :cut
                      and f.version = (select max(v.version) from followup_response_assessment v
                                        where v.response_id = f.response_id)
                    order by f.case_id, f.assessed_on, f.id""")
                    .param("cases", bases.stream().map(Base::caseId).toArray(UUID[]::new)).param("cut", cut)
                    .query((row, n) -> {
                        String category = row.getString(4);
                        boolean response = ResponseFramework.parse(row.getString(3))
                                .map(framework -> ResponseRules.isResponse(framework, category)).orElse(false);
                        return responses.computeIfAbsent(row.getObject(1, UUID.class), k -> new ArrayList<>())
                                .add(new CdfPatient.Response(row.getObject(2, LocalDate.class), category, response));
                    }).list();
        }
        return bases.stream().map(b -> new CdfPatient(b.caseId(), b.reference(), pseudonym.apply(b.patientId()),
                b.ods(), b.product(), b.indication(), b.approved(), b.dayZero(),
                List.copyOf(responses.getOrDefault(b.caseId(), List.of())), b.relapseOn(), b.relapseKind(),
                b.diedOn(), b.lastContact())).toList();
    }

    /**
     * The CIBMTR follow-up forms (Form 4100) due in the month: every registry time point of a CIBMTR track whose due
     * date falls in it, with what the form's answers are worked out from, as the record stood at the cut-off (the
     * month's last day): docs/reporting/cibmtr-4100.md.
     */
    List<CibmtrFollowUp> cibmtrFollowUps(DataScope scope, UUID centre, YearMonth month, ZoneId zone,
            Function<UUID, String> pseudonym) {
        return followUps(scope, centre, month, zone, pseudonym, Registry.CIBMTR);
    }

    /**
     * The registry's follow-up forms due in the month: the time points of the cases on the registry's track (a CIBMTR
     * track, or EBMT; docs/reporting/ebmt.md) whose due date falls in it, each with the patient's id in that registry.
     */
    List<CibmtrFollowUp> followUps(DataScope scope, UUID centre, YearMonth month, ZoneId zone,
            Function<UUID, String> pseudonym, Registry registry) {
        Date cut = Date.valueOf(month.atEndOfMonth());
        record Base(UUID caseId, String reference, UUID patientId, String ods, String product, LocalDate dayZero,
                CibmtrFollowUp.Timepoint timepoint, String registryId) {
        }
        List<Base> bases = scope.bind(jdbc.sql("""
                select c.id, c.reference, c.patient_id, o.ods_code, c.product_code, p.day_zero, t.name, t.due_date,
                       t.window_start, t.window_end,
                       (select r.registry_id from reporting_registry_id r where r.patient_id = c.patient_id
                         and r.registry = :registry) as registry_id
                from followup_registry_timepoint t
                join followup_plan p on p.case_id = t.case_id
                join therapy_case c on c.id = t.case_id
                join organisation o on o.id = c.treating_centre_id
                where (%s) and (cast(:centre as uuid) is null or c.treating_centre_id = :centre)
                  and ((:registry = 'CIBMTR' and p.track like 'CIBMTR%%') or (:registry = 'EBMT' and p.track = 'EBMT'))
                  and t.due_date between :from and :cut and p.day_zero <= :cut
                order by c.reference, t.due_date""".formatted(scope.owns("c.treating_centre_id"))))
                .param("registry", registry.name()).param("centre", centre).param("from", Date.valueOf(month.atDay(1))).param("cut", cut)
                .query((row, n) -> new Base(row.getObject("id", UUID.class), row.getString("reference"),
                        row.getObject("patient_id", UUID.class), row.getString("ods_code"),
                        row.getString("product_code"), row.getObject("day_zero", LocalDate.class),
                        timepoint(row), row.getString("registry_id")))
                .list();
        if (bases.isEmpty()) {
            return List.of();
        }
        UUID[] cases = bases.stream().map(Base::caseId).distinct().toArray(UUID[]::new);
        Map<UUID, List<CibmtrFollowUp.Timepoint>> timepoints = new HashMap<>();
        jdbc.sql("""
                select case_id, name, due_date, window_start, window_end from followup_registry_timepoint
                where case_id = any(:cases) order by case_id, due_date""").param("cases", cases)
                .query((row, n) -> timepoints.computeIfAbsent(row.getObject("case_id", UUID.class),
                        k -> new ArrayList<>()).add(timepoint(row))).list();
        Map<UUID, List<LocalDate>> contacts = new HashMap<>();
        jdbc.sql("""
                select v.case_id, v.outcome_on as on_day from followup_clinic_visit v
                 where v.case_id = any(:cases) and v.attended and v.outcome_on <= :cut
                union select f.case_id, f.assessed_on from followup_response_assessment f
                 where f.case_id = any(:cases) and f.assessed_on <= :cut
                union select m.case_id, cast(m.assessed_at at time zone :zone as date) from monitoring_assessment m
                 where m.case_id = any(:cases) and cast(m.assessed_at at time zone :zone as date) <= :cut
                union select e.case_id, e.occurred_on from followup_outcome_event e
                 where e.case_id = any(:cases) and e.kind <> 'LOST_TO_FOLLOW_UP' and e.occurred_on <= :cut
                order by 1, 2""").param("cases", cases).param("cut", cut).param("zone", zone.getId())
                .query((row, n) -> contacts.computeIfAbsent(row.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(row.getObject(2, LocalDate.class))).list();
        Map<UUID, CibmtrFollowUp.Event> deaths = new HashMap<>();
        jdbc.sql("""
                select c.id, coalesce(d.occurred_on, case when c.stage = 'DECEASED'
                         then cast(c.stage_changed_at at time zone :zone as date) end) as died_on,
                       d.details ->> 'cause' as cause
                from therapy_case c left join followup_outcome_event d on d.case_id = c.id and d.kind = 'DEATH'
                where c.id = any(:cases)""").param("cases", cases).param("zone", zone.getId())
                .query((row, n) -> {
                    LocalDate died = row.getObject("died_on", LocalDate.class);
                    if (died != null && !died.isAfter(cut.toLocalDate())) {
                        deaths.put(row.getObject("id", UUID.class),
                                new CibmtrFollowUp.Event(died, "DEATH", row.getString("cause")));
                    }
                    return died;
                }).list();
        Map<UUID, List<CibmtrFollowUp.Response>> responses = new HashMap<>();
        jdbc.sql("""
                select f.case_id, f.assessed_on, f.framework, f.category from followup_response_assessment f
                where f.case_id = any(:cases) and f.assessed_on <= :cut
                  and f.version = (select max(v.version) from followup_response_assessment v
                                    where v.response_id = f.response_id)
                order by f.case_id, f.assessed_on, f.id""").param("cases", cases).param("cut", cut)
                .query((row, n) -> {
                    String framework = row.getString(3);
                    String category = row.getString(4);
                    int rank = ResponseFramework.parse(framework).map(fw -> fw.rank(category))
                            .orElse(Integer.MAX_VALUE);
                    return responses.computeIfAbsent(row.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new CibmtrFollowUp.Response(row.getObject(2, LocalDate.class), framework, category,
                                    rank));
                }).list();
        Map<UUID, List<CibmtrFollowUp.Event>> relapses = new HashMap<>();
        Map<UUID, List<CibmtrFollowUp.Event>> malignancies = new HashMap<>();
        jdbc.sql("""
                select e.case_id, e.occurred_on, e.kind,
                       concat_ws(' ', e.details ->> 'targetAntigen', lower(e.details ->> 'antigenStatus')) as antigen,
                       e.details ->> 'malignancyType' as malignancy
                from followup_outcome_event e
                where e.case_id = any(:cases) and e.kind in ('RELAPSE', 'PROGRESSION', 'SECOND_MALIGNANCY')
                  and e.occurred_on <= :cut
                order by e.case_id, e.occurred_on, e.kind, e.id""").param("cases", cases).param("cut", cut)
                .query((row, n) -> {
                    String kind = row.getString("kind");
                    boolean malignancy = kind.equals("SECOND_MALIGNANCY");
                    return (malignancy ? malignancies : relapses).computeIfAbsent(row.getObject(1, UUID.class),
                            k -> new ArrayList<>()).add(new CibmtrFollowUp.Event(row.getObject(2, LocalDate.class),
                            kind, malignancy ? row.getString("malignancy") : blankToNull(row.getString("antigen"))));
                }).list();
        Map<UUID, List<CibmtrFollowUp.Episode>> episodes = new HashMap<>();
        jdbc.sql("""
                select e.case_id, e.kind, cast(e.onset_at at time zone :zone as date) as onset_on, e.highest_grade,
                       case when cast(e.resolved_at at time zone :zone as date) <= :cut
                            then cast(e.resolved_at at time zone :zone as date) end as resolved_on
                from monitoring_episode e
                where e.case_id = any(:cases) and cast(e.onset_at at time zone :zone as date) <= :cut
                order by e.case_id, e.kind, e.sequence""").param("cases", cases).param("cut", cut)
                .param("zone", zone.getId())
                .query((row, n) -> episodes.computeIfAbsent(row.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(new CibmtrFollowUp.Episode(row.getString(2), row.getObject(3, LocalDate.class),
                                row.getInt(4), row.getObject(5, LocalDate.class)))).list();
        Map<UUID, List<LocalDate>> tocilizumab = new HashMap<>();
        jdbc.sql("""
                select t.case_id, cast(t.given_at at time zone :zone as date) from monitoring_tocilizumab_dose t
                where t.case_id = any(:cases) and cast(t.given_at at time zone :zone as date) <= :cut
                order by 1, 2""").param("cases", cases).param("cut", cut).param("zone", zone.getId())
                .query((row, n) -> tocilizumab.computeIfAbsent(row.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(row.getObject(2, LocalDate.class))).list();
        List<CibmtrFollowUp> forms = new ArrayList<>();
        for (Base b : bases) {
            CibmtrFollowUp.Event death = deaths.get(b.caseId());
            CibmtrFollowUp form = new CibmtrFollowUp(b.caseId(), b.reference(), pseudonym.apply(b.patientId()),
                    b.ods(), b.product(), b.dayZero(), b.timepoint(),
                    List.copyOf(timepoints.getOrDefault(b.caseId(), List.of())),
                    List.copyOf(contacts.getOrDefault(b.caseId(), List.of())), death == null ? null : death.on(),
                    death == null ? null : death.detail(), List.copyOf(responses.getOrDefault(b.caseId(), List.of())),
                    List.copyOf(relapses.getOrDefault(b.caseId(), List.of())),
                    List.copyOf(malignancies.getOrDefault(b.caseId(), List.of())),
                    List.copyOf(episodes.getOrDefault(b.caseId(), List.of())),
                    List.copyOf(tocilizumab.getOrDefault(b.caseId(), List.of())), b.registryId());
            if (registry == Registry.CIBMTR ? CibmtrLayout.due(form, cut.toLocalDate()) : EbmtForms.due(form)) {
                forms.add(form);
            }
        }
        return forms;
    }

    /**
     * The patients whose CAR-T infusion (day 0) falls in the month, on the registry's follow-up track (a CIBMTR track,
     * or EBMT), with what the registry's infusion-time forms ask of them as the record stood at the cut-off (the month's
     * last day): docs/reporting/cibmtr-forms.md, docs/reporting/ebmt.md. The clinical history read is the current,
     * not voided entries dated on or before day 0.
     */
    List<RegistryPatient> registryPatients(DataScope scope, UUID centre, YearMonth month, ZoneId zone,
            Function<UUID, String> pseudonym, Registry registry) {
        Date from = Date.valueOf(month.atDay(1));
        Date cut = Date.valueOf(month.atEndOfMonth());
        record Base(UUID caseId, UUID patientId, String reference, String ods, String registryId, LocalDate birth,
                String sex, String product, String indication, LocalDate referredOn, LocalDate approvedOn,
                LocalDate dayZero, LocalDate collectedOn, String coi, RegistryPatient.Infusion infusion,
                String infusedLot) {
        }
        List<Base> bases = scope.bind(jdbc.sql("""
                select c.id, c.patient_id, c.reference, o.ods_code, c.product_code, c.indication, p.date_of_birth, p.sex,
                       (select r.registry_id from reporting_registry_id r where r.patient_id = c.patient_id
                         and r.registry = :registry) as registry_id,
                       (select cast(f.submitted_at at time zone :zone as date) from referral f where f.case_id = c.id)
                           as referred_on,
                       (select cast(min(d.decided_at) at time zone :zone as date) from panel_decision d
                         where d.case_id = c.id and d.outcome = 'APPROVE') as approved_on,
                       coalesce(i.day_zero, a.day_zero) as day_zero,
                       (select b.apheresis_date from slot_booking b where b.case_id = c.id and b.status <> 'CANCELLED'
                          and b.purpose <> 'REMANUFACTURE' and b.apheresis_date <= :cut
                         order by b.booked_at desc, b.id limit 1) as collected_on,
                       (select k.coi from custody_coi k where k.case_id = c.id) as coi,
                       i.started_at, i.dose_cells, i.dose_cells_per_kg, i.weight_kg, i.bags_used, i.bags_in_lot,
                       i.age_years, i.lot_number
                from therapy_case c
                join patient p on p.id = c.patient_id
                join organisation o on o.id = c.treating_centre_id
                join followup_plan fp on fp.case_id = c.id
                left join infusion i on i.case_id = c.id
                left join monitoring_anchor a on a.case_id = c.id
                where (%s) and (cast(:centre as uuid) is null or c.treating_centre_id = :centre)
                  and ((:registry = 'CIBMTR' and fp.track like 'CIBMTR%%') or (:registry = 'EBMT' and fp.track = 'EBMT'))
                  and coalesce(i.day_zero, a.day_zero, fp.day_zero) between :from and :cut
                order by c.reference""".formatted(scope.owns("c.treating_centre_id"))))
                .param("registry", registry.name()).param("zone", zone.getId()).param("centre", centre)
                .param("from", from).param("cut", cut)
                .query((row, n) -> {
                    OffsetDateTime started = row.getObject("started_at", OffsetDateTime.class);
                    RegistryPatient.Infusion infusion = started == null ? null : new RegistryPatient.Infusion(
                            row.getObject("day_zero", LocalDate.class), started.withOffsetSameInstant(ZoneOffset.UTC),
                            row.getBigDecimal("dose_cells"), row.getBigDecimal("dose_cells_per_kg"),
                            row.getBigDecimal("weight_kg"), row.getInt("bags_used"), row.getInt("bags_in_lot"),
                            row.getInt("age_years"));
                    return new Base(row.getObject("id", UUID.class), row.getObject("patient_id", UUID.class),
                            row.getString("reference"), row.getString("ods_code"), row.getString("registry_id"),
                            row.getObject("date_of_birth", LocalDate.class), row.getString("sex"),
                            row.getString("product_code"), row.getString("indication"),
                            row.getObject("referred_on", LocalDate.class), row.getObject("approved_on", LocalDate.class),
                            row.getObject("day_zero", LocalDate.class), row.getObject("collected_on", LocalDate.class),
                            row.getString("coi"), infusion, row.getString("lot_number"));
                }).list();
        if (bases.isEmpty()) {
            return List.of();
        }
        UUID[] cases = bases.stream().map(Base::caseId).toArray(UUID[]::new);
        UUID[] patients = bases.stream().map(Base::patientId).distinct().toArray(UUID[]::new);
        String notVoided = "not exists (select 1 from patient_entry_void v where v.entry_id = h.id)";
        Map<UUID, List<RegistryPatient.Diagnosis>> diagnoses = new HashMap<>();
        jdbc.sql("select h.patient_id, h.code, h.description, h.diagnosed_on from patient_diagnosis h "
                + "where h.patient_id = any(:patients) and " + notVoided + " order by h.patient_id, h.recorded_at, h.id")
                .param("patients", patients)
                .query((row, n) -> diagnoses.computeIfAbsent(row.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(new RegistryPatient.Diagnosis(row.getString(2), row.getString(3),
                                row.getObject(4, LocalDate.class)))).list();
        Map<UUID, List<RegistryPatient.TherapyLine>> lines = new HashMap<>();
        jdbc.sql("select h.patient_id, h.line_number, h.regimen, h.started_on, h.ended_on, h.best_response "
                + "from patient_therapy_line h where h.patient_id = any(:patients) and " + notVoided
                + " order by h.patient_id, h.line_number, h.started_on, h.id").param("patients", patients)
                .query((row, n) -> lines.computeIfAbsent(row.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(new RegistryPatient.TherapyLine(row.getInt(2), row.getString(3),
                                row.getObject(4, LocalDate.class), row.getObject(5, LocalDate.class),
                                row.getString(6)))).list();
        Map<UUID, List<RegistryPatient.Transplant>> transplants = new HashMap<>();
        jdbc.sql("select h.patient_id, h.type, h.transplanted_on from patient_transplant h "
                + "where h.patient_id = any(:patients) and " + notVoided + " order by h.patient_id, h.transplanted_on, h.id")
                .param("patients", patients)
                .query((row, n) -> transplants.computeIfAbsent(row.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(new RegistryPatient.Transplant(row.getString(2), row.getObject(3, LocalDate.class))))
                .list();
        Map<UUID, List<RegistryPatient.DiseaseStatus>> statuses = new HashMap<>();
        jdbc.sql("select h.patient_id, h.assessed_on, h.refractory, h.relapse_number, h.relapse_after_transplant "
                + "from patient_disease_status h where h.patient_id = any(:patients) and " + notVoided
                + " order by h.patient_id, h.assessed_on, h.recorded_at, h.id").param("patients", patients)
                .query((row, n) -> statuses.computeIfAbsent(row.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(new RegistryPatient.DiseaseStatus(row.getObject(2, LocalDate.class), row.getBoolean(3),
                                row.getInt(4), row.getBoolean(5)))).list();
        Map<UUID, List<RegistryPatient.Performance>> performances = new HashMap<>();
        jdbc.sql("select h.patient_id, h.scale, h.score, h.assessed_on from patient_performance_status h "
                + "where h.patient_id = any(:patients) and " + notVoided
                + " order by h.patient_id, h.assessed_on, h.recorded_at, h.id").param("patients", patients)
                .query((row, n) -> performances.computeIfAbsent(row.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(new RegistryPatient.Performance(row.getString(2), row.getInt(3),
                                row.getObject(4, LocalDate.class)))).list();
        Map<UUID, List<RegistryPatient.Lot>> lots = new HashMap<>();
        Map<UUID, List<String>> lotNumbers = new HashMap<>();
        jdbc.sql("""
                select l.case_id, l.lot_number, l.dose_cells, l.cd4_cells, l.cd8_cells, l.viability_percent,
                       l.volume_ml, l.bags, l.expires_on, l.manufacturer_oos
                from product_lot l where l.case_id = any(:cases) and cast(l.reported_at as date) <= :cut
                order by l.case_id, l.attempt, l.reported_at, l.id""").param("cases", cases).param("cut", cut)
                .query((row, n) -> {
                    UUID caseId = row.getObject(1, UUID.class);
                    lotNumbers.computeIfAbsent(caseId, k -> new ArrayList<>()).add(row.getString(2));
                    return lots.computeIfAbsent(caseId, k -> new ArrayList<>()).add(new RegistryPatient.Lot(
                            row.getString(2), row.getBigDecimal(3), row.getBigDecimal(4), row.getBigDecimal(5),
                            row.getBigDecimal(6), row.getBigDecimal(7), row.getInt(8), row.getObject(9, LocalDate.class),
                            row.getString(10) != null));
                }).list();
        Map<UUID, List<RegistryPatient.Drug>> drugs = new HashMap<>();
        jdbc.sql("""
                select l.case_id, l.drug, cast(l.given_at at time zone :zone as date), l.given_mg
                from lymphodepletion_administration l
                where l.case_id = any(:cases) and l.status <> 'HELD' and l.given_at is not null
                  and cast(l.given_at at time zone :zone as date) <= :cut
                order by l.case_id, l.given_at, l.drug""").param("cases", cases).param("cut", cut)
                .param("zone", zone.getId())
                .query((row, n) -> drugs.computeIfAbsent(row.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(new RegistryPatient.Drug(row.getString(2), row.getObject(3, LocalDate.class),
                                row.getBigDecimal(4)))).list();
        List<RegistryPatient> result = new ArrayList<>();
        for (Base b : bases) {
            LocalDate dayZero = b.dayZero();
            java.util.function.Predicate<LocalDate> beforeInfusion = d -> d != null && dayZero != null
                    && !d.isAfter(dayZero);
            RegistryPatient.Diagnosis diagnosis = last(diagnoses.get(b.patientId()));
            List<RegistryPatient.TherapyLine> prior = lines.getOrDefault(b.patientId(), List.of()).stream()
                    .filter(l -> beforeInfusion.test(l.startedOn()) && l.startedOn().isBefore(dayZero)).toList();
            List<RegistryPatient.Transplant> priorTransplants = transplants.getOrDefault(b.patientId(), List.of())
                    .stream().filter(t -> beforeInfusion.test(t.on())).toList();
            RegistryPatient.DiseaseStatus status = last(statuses.getOrDefault(b.patientId(), List.of()).stream()
                    .filter(d -> beforeInfusion.test(d.assessedOn())).toList());
            RegistryPatient.Performance performance = last(performances.getOrDefault(b.patientId(), List.of())
                    .stream().filter(d -> beforeInfusion.test(d.assessedOn())).toList());
            List<RegistryPatient.Lot> caseLots = lots.getOrDefault(b.caseId(), List.of());
            // the lot infused; before an infusion is recorded, the last lot reported
            RegistryPatient.Lot lot = b.infusedLot() == null ? last(caseLots) : caseLots.stream()
                    .filter(l -> l.lotNumber().equals(b.infusedLot())).findFirst().orElse(null);
            var product = catalogue.products().stream().filter(p -> p.code().name().equals(b.product())).findFirst();
            result.add(new RegistryPatient(b.caseId(), b.patientId(), b.reference(), pseudonym.apply(b.patientId()),
                    b.ods(), b.registryId(), b.birth(), b.sex(), b.product(),
                    product.map(p -> p.name()).orElse(null), product.map(p -> p.manufacturer()).orElse(null),
                    product.map(p -> p.targetAntigen()).orElse(null), b.indication(), b.referredOn(), b.approvedOn(),
                    diagnosis, prior, priorTransplants, status, performance, b.collectedOn(), b.coi(), lot,
                    b.infusion(), List.copyOf(drugs.getOrDefault(b.caseId(), List.of())), b.dayZero()));
        }
        return result;
    }

    private static <T> T last(List<T> list) {
        return list == null || list.isEmpty() ? null : list.get(list.size() - 1);
    }

    private static CibmtrFollowUp.Timepoint timepoint(java.sql.ResultSet row) throws java.sql.SQLException {
        return new CibmtrFollowUp.Timepoint(row.getString("name"), row.getObject("due_date", LocalDate.class),
                row.getObject("window_start", LocalDate.class), row.getObject("window_end", LocalDate.class));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private String inn(String productCode) {
        if (productCode == null) {
            return null;
        }
        return catalogue.products().stream().filter(p -> p.code().name().equals(productCode)).findFirst()
                .map(p -> p.inn()).orElse(null);
    }
}
