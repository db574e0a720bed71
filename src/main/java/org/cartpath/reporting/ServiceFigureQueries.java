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
import org.cartpath.journey.Stage;
import org.cartpath.shared.Actor;
import org.cartpath.shared.DataScope;
import org.cartpath.shared.DataVisibility;
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
        DataScope scope = DataVisibility.figuresScope(actor);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Timestamp monthStart = Timestamp.from(today.withDayOfMonth(1).atStartOfDay(zone).toInstant());

        Map<Stage, Long> counted = new EnumMap<>(Stage.class);
        scope.bind(jdbc.sql("select stage, count(*) from therapy_case c where " + scope.owns("c.treating_centre_id")
                        + " group by stage"))
                .query((row, n) -> counted.put(Stage.valueOf(row.getString(1)), row.getLong(2))).list();
        Map<Stage, Long> byStage = new LinkedHashMap<>();
        for (Stage stage : Stage.values()) {
            byStage.put(stage, counted.getOrDefault(stage, 0L));
        }
        long referrals = scope.bind(jdbc.sql("select count(*) from referral r where " + scope.owns("r.centre_id")
                        + " and r.submitted_at >= :since"))
                .param("since", monthStart).query(Long.class).single();
        // infused: day 0 on record (monitoring's anchor, set by the infusion record, or by monitoring started for a
        // patient infused before the centre used cartpath); days from the referral (the case opens when it is submitted;
        // a case opened without one counts from its opening) to day 0, in the centre's time zone
        Map<String, Object> infused = scope.bind(jdbc.sql("""
                select count(*) as infused,
                       percentile_cont(0.5) within group (order by a.day_zero
                           - cast(coalesce(r.submitted_at, c.opened_at) at time zone :zone as date)) as median
                from monitoring_anchor a
                join therapy_case c on c.id = a.case_id
                left join referral r on r.case_id = c.id
                where\s""" + scope.owns("c.treating_centre_id")))
                .param("zone", zone.getId()).query().singleRow();
        Object median = infused.get("median");
        long severeCrs = scope.bind(jdbc.sql("""
                select count(*) from monitoring_episode e
                join therapy_case c on c.id = e.case_id
                where e.kind = 'CRS' and e.highest_grade >= :grade and\s""" + scope.owns("c.treating_centre_id")))
                .param("grade", SEVERE_CRS_GRADE).query(Long.class).single();
        long hardStops = scope.bind(jdbc.sql("""
                select count(*) from custody_scan s
                join therapy_case c on c.id = s.case_id
                left join custody_override o on o.scan_id = s.id
                where s.outcome = 'MISMATCH' and (o.id is null or o.effective_at is null)
                  and\s""" + scope.owns("c.treating_centre_id")))
                .query(Long.class).single();
        return new ServiceFigures(today, scope.organisation(), byStage, referrals, ((Number) infused.get("infused")).longValue(),
                median == null ? null : new BigDecimal(median.toString()).setScale(1, RoundingMode.HALF_UP),
                severeCrs, hardStops);
    }
}
