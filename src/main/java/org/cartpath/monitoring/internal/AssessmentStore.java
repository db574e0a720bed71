package org.cartpath.monitoring.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cartpath.journey.CaseId;
import org.cartpath.monitoring.AssessmentInput;
import org.cartpath.monitoring.RecordedAssessment;
import org.cartpath.monitoring.ToxicityEpisode;
import org.cartpath.shared.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** SQL for assessment versions and the episodes derived from them. */
@Repository
public class AssessmentStore {

    private static final String CURRENT = """
            select distinct on (series_id) a.*, true as is_current from monitoring_assessment a
            where case_id = ? order by series_id, version desc""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AssessmentStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void insert(RecordedAssessment a, Actor actor) {
        jdbc.sql("""
                insert into monitoring_assessment (id, series_id, version, corrects_id, correction_reason, case_id,
                    assessed_at, day_number, inputs, temperature_celsius, crs_grade, crs_drivers, crs_explanation,
                    icans_grade, icans_tool, icans_score, icans_drivers, icans_explanation, grader_version,
                    recorded_by, recorded_by_name, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(a.id(), a.seriesId(), a.version(), a.correctsId(), a.correctionReason(), a.caseId().value(),
                        Timestamp.from(a.assessedAt()), a.dayNumber(), json.writeValueAsString(a.inputs()),
                        a.temperatureCelsius(), a.crsGrade(), String.join(",", a.crsDrivers()), a.crsExplanation(),
                        a.icansGrade(), a.icansTool(), a.icansScore(), String.join(",", a.icansDrivers()),
                        a.icansExplanation(), a.graderVersion(), actor.id(), actor.displayName(),
                        Timestamp.from(a.recordedAt()))
                .update();
    }

    public Optional<RecordedAssessment> find(UUID id) {
        return jdbc.sql("""
                select a.*, a.version = (select max(version) from monitoring_assessment b where b.series_id = a.series_id)
                    as is_current
                from monitoring_assessment a where id = ?""")
                .param(id).query(this::assessment).optional();
    }

    /** Every version of a series, first to last. */
    public List<RecordedAssessment> versions(UUID seriesId) {
        return jdbc.sql("""
                select a.*, a.version = (select max(version) from monitoring_assessment b where b.series_id = a.series_id)
                    as is_current
                from monitoring_assessment a where series_id = ? order by version""")
                .param(seriesId).query(this::assessment).list();
    }

    /** The current version of every assessment of a case, in the order they were made. */
    public List<RecordedAssessment> current(CaseId caseId) {
        return jdbc.sql("select * from (" + CURRENT + ") c order by assessed_at, recorded_at")
                .param(caseId.value()).query(this::assessment).list();
    }

    public void replaceEpisodes(CaseId caseId, List<ToxicityEpisode> episodes) {
        jdbc.sql("delete from monitoring_episode where case_id = ?").param(caseId.value()).update();
        for (ToxicityEpisode e : episodes) {
            jdbc.sql("""
                    insert into monitoring_episode (case_id, kind, sequence, onset_at, onset_day, highest_grade,
                        highest_at, resolved_at, resolved_day)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(caseId.value(), e.syndrome().name(), e.sequence(), Timestamp.from(e.onsetAt()), e.onsetDay(),
                            e.highestGrade(), Timestamp.from(e.highestAt()),
                            e.resolvedAt() == null ? null : Timestamp.from(e.resolvedAt()), e.resolvedDay())
                    .update();
        }
    }

    public List<ToxicityEpisode> episodes(CaseId caseId) {
        return jdbc.sql("select * from monitoring_episode where case_id = ? order by onset_at, kind")
                .param(caseId.value())
                .query((row, n) -> new ToxicityEpisode(ToxicityEpisode.Syndrome.valueOf(row.getString("kind")),
                        row.getInt("sequence"), row.getTimestamp("onset_at").toInstant(), row.getInt("onset_day"),
                        row.getInt("highest_grade"), row.getTimestamp("highest_at").toInstant(),
                        row.getTimestamp("resolved_at") == null ? null : row.getTimestamp("resolved_at").toInstant(),
                        (Integer) row.getObject("resolved_day")))
                .list();
    }

    private RecordedAssessment assessment(ResultSet row, int n) throws SQLException {
        return new RecordedAssessment(row.getObject("id", UUID.class), row.getObject("series_id", UUID.class),
                row.getInt("version"), row.getObject("corrects_id", UUID.class), row.getString("correction_reason"),
                new CaseId(row.getObject("case_id", UUID.class)), row.getTimestamp("assessed_at").toInstant(),
                row.getInt("day_number"), json.readValue(row.getString("inputs"), AssessmentInput.class),
                Numbers.plain(row.getBigDecimal("temperature_celsius")), row.getInt("crs_grade"),
                list(row.getString("crs_drivers")), row.getString("crs_explanation"), row.getInt("icans_grade"),
                row.getString("icans_tool"), (Integer) row.getObject("icans_score"),
                list(row.getString("icans_drivers")), row.getString("icans_explanation"),
                row.getString("grader_version"), row.getString("recorded_by_name"),
                row.getTimestamp("recorded_at").toInstant(), row.getBoolean("is_current"));
    }

    private static List<String> list(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
