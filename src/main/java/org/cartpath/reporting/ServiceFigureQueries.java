package org.cartpath.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.cartpath.journey.Stage;
import org.cartpath.shared.Actor;
import org.cartpath.shared.DataVisibility;
import org.cartpath.shared.OrganisationId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts the analyst's figures by SQL, each query restricted to the scope {@link DataVisibility#figuresScope} gives
 * (a centre's cases, or every centre's for a commissioner). Nothing here returns a row behind a figure.
 */
@Service
public class ServiceFigureQueries {

    /** Severe CRS: ASTCT consensus grade 3 or higher (Lee et al., Biol Blood Marrow Transplant 2019;25:625-638). */
    static final int SEVERE_CRS_GRADE = 3;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;

    ServiceFigureQueries(JdbcClient jdbc, Clock clock, @Value("${cartpath.time.zone:Europe/London}") String zone) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    @Transactional(readOnly = true)
    public ServiceFigures figures(Actor actor) {
        OrganisationId scope = DataVisibility.figuresScope(actor);
        UUID centre = scope == null ? null : scope.value();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Timestamp monthStart = Timestamp.from(today.withDayOfMonth(1).atStartOfDay(zone).toInstant());

        Map<Stage, Long> counted = new EnumMap<>(Stage.class);
        jdbc.sql("""
                select stage, count(*) from therapy_case c
                where (cast(:centre as uuid) is null or c.treating_centre_id = :centre)
                group by stage""")
                .param("centre", centre)
                .query((row, n) -> counted.put(Stage.valueOf(row.getString(1)), row.getLong(2))).list();
        Map<Stage, Long> byStage = new LinkedHashMap<>();
        for (Stage stage : Stage.values()) {
            byStage.put(stage, counted.getOrDefault(stage, 0L));
        }
        long referrals = jdbc.sql("""
                select count(*) from referral r
                where (cast(:centre as uuid) is null or r.centre_id = :centre) and r.submitted_at >= :since""")
                .param("centre", centre).param("since", monthStart).query(Long.class).single();
        // infused: day 0 on record (monitoring's anchor, set by the infusion record, or by monitoring started for a
        // patient infused before the centre used cartpath); days from the referral (the case opens when it is submitted;
        // a case opened without one counts from its opening) to day 0, in the centre's time zone
        Map<String, Object> infused = jdbc.sql("""
                select count(*) as infused,
                       percentile_cont(0.5) within group (order by a.day_zero
                           - cast(coalesce(r.submitted_at, c.opened_at) at time zone :zone as date)) as median
                from monitoring_anchor a
                join therapy_case c on c.id = a.case_id
                left join referral r on r.case_id = c.id
                where (cast(:centre as uuid) is null or c.treating_centre_id = :centre)""")
                .param("centre", centre).param("zone", zone.getId()).query().singleRow();
        Object median = infused.get("median");
        long severeCrs = jdbc.sql("""
                select count(*) from monitoring_episode e
                join therapy_case c on c.id = e.case_id
                where (cast(:centre as uuid) is null or c.treating_centre_id = :centre)
                  and e.kind = 'CRS' and e.highest_grade >= :grade""")
                .param("centre", centre).param("grade", SEVERE_CRS_GRADE).query(Long.class).single();
        long hardStops = jdbc.sql("""
                select count(*) from custody_scan s
                join therapy_case c on c.id = s.case_id
                left join custody_override o on o.scan_id = s.id
                where (cast(:centre as uuid) is null or c.treating_centre_id = :centre)
                  and s.outcome = 'MISMATCH' and (o.id is null or o.effective_at is null)""")
                .param("centre", centre).query(Long.class).single();
        return new ServiceFigures(today, scope, byStage, referrals, ((Number) infused.get("infused")).longValue(),
                median == null ? null : new BigDecimal(median.toString()).setScale(1, RoundingMode.HALF_UP),
                severeCrs, hardStops);
    }
}
