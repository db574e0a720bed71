package org.cartpath.followup.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cartpath.followup.FollowUpWorklist.Kind;
import org.cartpath.journey.CaseId;
import org.cartpath.shared.DataScope;
import org.cartpath.shared.OrganisationId;
import org.cartpath.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for the follow-up worklist: only the cases the organisation treats or referred (the case's current parties,
 * read from the journey's table), only open cases, only what is not yet done.
 */
@Repository
public class WorklistStore {

    public record Row(Kind kind, CaseId caseId, String reference, String key, String label, LocalDate dueDate,
            LocalDate windowStart, LocalDate windowEnd, UUID treatingCentre, UUID referringHospital) {
    }

    private final JdbcClient jdbc;

    WorklistStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Lines opening (window start, else due date) on or before {@code horizon}. */
    public List<Row> open(DataScope scope, LocalDate horizon, OrganisationId centre,
            OrganisationId referrer, Role responsible, int limit) {
        boolean registry = responsible == null || responsible == Role.DATA_MANAGER;
        boolean clinic = responsible == null || responsible == Role.COORDINATOR;
        return scope.bind(jdbc.sql("""
                select * from (
                  select 'REGISTRY' as kind, t.case_id, c.reference, t.name as key, null as label, t.due_date,
                         t.window_start, t.window_end, c.treating_centre_id, c.referring_organisation_id
                  from followup_registry_timepoint t join therapy_case c on c.id = t.case_id
                  where :registry and t.status = 'PLANNED' and coalesce(t.window_start, t.due_date) <= :horizon
                  union all
                  select 'CLINIC', v.case_id, c.reference, v.visit_key, v.label, v.due_date, null, null,
                         c.treating_centre_id, c.referring_organisation_id
                  from followup_clinic_visit v join therapy_case c on c.id = v.case_id
                  where :clinic and v.status = 'PLANNED' and v.due_date <= :horizon
                ) line
                where (%s or %s)
                  and (cast(:centre as uuid) is null or line.treating_centre_id = :centre)
                  and (cast(:referrer as uuid) is null or line.referring_organisation_id = :referrer)
                  and exists (select 1 from therapy_case c where c.id = line.case_id
                              and c.stage not in ('COMPLETED', 'DECLINED', 'WITHDRAWN', 'DECEASED'))
                order by line.due_date, line.reference
                limit :limit""".formatted(scope.owns("line.treating_centre_id"),
                        scope.owns("line.referring_organisation_id"))))
                .param("registry", registry).param("clinic", clinic).param("horizon", horizon)
                .param("centre", centre == null ? null : centre.value())
                .param("referrer", referrer == null ? null : referrer.value())
                .param("limit", limit)
                .query(WorklistStore::row).list();
    }

    /** The treating centres (or referring hospitals) of the cases in scope: those it treats or referred. */
    public List<UUID> organisations(DataScope scope, boolean centres) {
        String column = centres ? "treating_centre_id" : "referring_organisation_id";
        return scope.bind(jdbc.sql("select distinct c." + column + " from followup_plan p join therapy_case c on c.id = p.case_id"
                        + " where " + scope.owns("c.treating_centre_id") + " or " + scope.owns("c.referring_organisation_id")))
                .query(UUID.class).list();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(Kind.valueOf(rs.getString("kind")), new CaseId(rs.getObject("case_id", UUID.class)),
                rs.getString("reference"), rs.getString("key"), rs.getString("label"),
                rs.getObject("due_date", LocalDate.class), rs.getObject("window_start", LocalDate.class),
                rs.getObject("window_end", LocalDate.class), rs.getObject("treating_centre_id", UUID.class),
                rs.getObject("referring_organisation_id", UUID.class));
    }
}
