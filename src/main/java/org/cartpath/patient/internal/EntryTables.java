package org.cartpath.patient.internal;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cartpath.patient.AntigenStatus;
import org.cartpath.patient.ClinicalDetails;
import org.cartpath.patient.CnsStatus;
import org.cartpath.patient.Consent;
import org.cartpath.patient.Diagnosis;
import org.cartpath.patient.DiagnosisCode;
import org.cartpath.patient.DiseaseStatus;
import org.cartpath.patient.EntryKind;
import org.cartpath.patient.Measurement;
import org.cartpath.patient.OrganFunction;
import org.cartpath.patient.PerformanceStatus;
import org.cartpath.patient.TherapyLine;
import org.cartpath.patient.Transplant;

/** How each kind of entry is stored: its table, its own columns, and how a row reads back. */
final class EntryTables {

    interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** One kind's table. Column names are constants of this class, never input. */
    record Table<T extends ClinicalDetails>(EntryKind kind, String name, String dateColumn,
            Function<T, Map<String, Object>> columns, RowReader<T> reader) {
    }

    private static final Map<EntryKind, Table<?>> TABLES = new EnumMap<>(EntryKind.class);

    static {
        add(new Table<Measurement>(EntryKind.MEASUREMENT, "patient_measurement", "measured_on",
                m -> columns("measured_on", m.measuredOn(), "weight_kg", m.weightKg(), "height_cm", m.heightCm()),
                row -> new Measurement(date(row, "measured_on"), decimal(row, "weight_kg"),
                        decimal(row, "height_cm"))));
        add(new Table<Diagnosis>(EntryKind.DIAGNOSIS, "patient_diagnosis", "diagnosed_on",
                d -> columns("code", d.code().name(), "description", d.description(), "diagnosed_on", d.diagnosedOn()),
                row -> new Diagnosis(DiagnosisCode.valueOf(row.getString("code")), row.getString("description"),
                        date(row, "diagnosed_on"))));
        add(new Table<DiseaseStatus>(EntryKind.DISEASE_STATUS, "patient_disease_status", "assessed_on",
                s -> columns("assessed_on", s.assessedOn(), "refractory", s.refractory(), "relapse_number",
                        s.relapseNumber(), "relapse_after_transplant", s.relapseAfterTransplant(), "relapsed_on",
                        s.relapsedOn(), "months_from_first_line_end_to_relapse", s.monthsFromFirstLineEndToRelapse()),
                row -> new DiseaseStatus(date(row, "assessed_on"), row.getBoolean("refractory"),
                        row.getInt("relapse_number"), row.getBoolean("relapse_after_transplant"),
                        date(row, "relapsed_on"), row.getObject("months_from_first_line_end_to_relapse", Integer.class))));
        add(new Table<TherapyLine>(EntryKind.THERAPY_LINE, "patient_therapy_line", "started_on",
                l -> columns("line_number", l.lineNumber(), "regimen", l.regimen(), "started_on", l.startedOn(),
                        "ended_on", l.endedOn(), "best_response", name(l.bestResponse()),
                        "tags", l.tags().stream().map(Enum::name).sorted().toArray(String[]::new)),
                row -> new TherapyLine(row.getInt("line_number"), row.getString("regimen"), date(row, "started_on"),
                        date(row, "ended_on"), value(TherapyLine.Response.class, row.getString("best_response")),
                        tags(row.getArray("tags")))));
        add(new Table<Transplant>(EntryKind.TRANSPLANT, "patient_transplant", "transplanted_on",
                t -> columns("type", t.type().name(), "transplanted_on", t.transplantedOn()),
                row -> new Transplant(Transplant.Type.valueOf(row.getString("type")), date(row, "transplanted_on"))));
        add(new Table<AntigenStatus>(EntryKind.ANTIGEN_STATUS, "patient_antigen_status", "tested_on",
                a -> columns("antigen", a.antigen().name(), "result", a.result().name(), "tested_on", a.testedOn(),
                        "method", a.method()),
                row -> new AntigenStatus(AntigenStatus.Antigen.valueOf(row.getString("antigen")),
                        AntigenStatus.Result.valueOf(row.getString("result")), date(row, "tested_on"),
                        row.getString("method"))));
        add(new Table<CnsStatus>(EntryKind.CNS_STATUS, "patient_cns_status", "assessed_on",
                c -> columns("status", c.status().name(), "assessed_on", c.assessedOn()),
                row -> new CnsStatus(CnsStatus.Category.valueOf(row.getString("status")), date(row, "assessed_on"))));
        add(new Table<PerformanceStatus>(EntryKind.PERFORMANCE_STATUS, "patient_performance_status", "assessed_on",
                p -> columns("scale", p.scale().name(), "score", p.score(), "assessed_on", p.assessedOn()),
                row -> new PerformanceStatus(PerformanceStatus.Scale.valueOf(row.getString("scale")),
                        row.getInt("score"), date(row, "assessed_on"))));
        add(new Table<OrganFunction>(EntryKind.ORGAN_FUNCTION, "patient_organ_function", "tested_on",
                o -> columns("tested_on", o.testedOn(), "creatinine_umol_per_l", o.creatinineMicromolPerLitre(),
                        "bilirubin_umol_per_l", o.bilirubinMicromolPerLitre(), "alt_units_per_l", o.altUnitsPerLitre(),
                        "lvef_percent", o.lvefPercent(), "spo2_percent", o.spo2Percent()),
                row -> new OrganFunction(date(row, "tested_on"), decimal(row, "creatinine_umol_per_l"),
                        decimal(row, "bilirubin_umol_per_l"), decimal(row, "alt_units_per_l"),
                        decimal(row, "lvef_percent"), decimal(row, "spo2_percent"))));
        add(new Table<Consent>(EntryKind.CONSENT, "patient_consent", "decided_on",
                c -> columns("type", c.type().name(), "decision", c.decision().name(), "decided_on", c.decidedOn(),
                        "note", c.note()),
                row -> new Consent(Consent.Type.valueOf(row.getString("type")),
                        Consent.Decision.valueOf(row.getString("decision")), date(row, "decided_on"),
                        row.getString("note"))));
    }

    private EntryTables() {
    }

    private static void add(Table<?> table) {
        TABLES.put(table.kind(), table);
    }

    @SuppressWarnings("unchecked")
    static <T extends ClinicalDetails> Table<T> of(EntryKind kind) {
        return (Table<T>) TABLES.get(kind);
    }

    private static Map<String, Object> columns(Object... namesAndValues) {
        Map<String, Object> columns = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            columns.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return columns;
    }

    private static LocalDate date(ResultSet row, String column) throws SQLException {
        return row.getObject(column, LocalDate.class);
    }

    /** Numbers as entered: {@code 70.500} in the database reads back as {@code 70.5}. */
    private static BigDecimal decimal(ResultSet row, String column) throws SQLException {
        BigDecimal value = row.getBigDecimal(column);
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static <E extends Enum<E>> E value(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    private static java.util.Set<TherapyLine.Tag> tags(Array array) throws SQLException {
        return Arrays.stream((String[]) array.getArray()).map(TherapyLine.Tag::valueOf).collect(Collectors.toSet());
    }
}
