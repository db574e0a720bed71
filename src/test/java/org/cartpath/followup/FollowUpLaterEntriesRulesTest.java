package org.cartpath.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cartpath.followup.FollowUpEntry.Kind;
import org.cartpath.followup.outcomes.BCellAplasia;
import org.cartpath.shared.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Subsequent therapy and CAR-T persistence entries, and the counts series with results from interfaces
 * (docs/clinical/follow-up.md, ADR 0035), without a database: refusals naming the field, a typed value winning over an
 * interface's result of the same date, and B-cell aplasia from both.
 */
class FollowUpLaterEntriesRulesTest {
    static final String ENTRIES = """
            SUBSEQUENT_THERAPY | therapyKind=ALLOGENEIC_TRANSPLANT;intent=CONSOLIDATION;regimen=Flu/TBI, haplo-identical donor |
            SUBSEQUENT_THERAPY | therapyKind=-;intent=CONSOLIDATION;regimen=Flu/TBI | values.therapyKind: is required
            SUBSEQUENT_THERAPY | therapyKind=SURGERY;intent=CONSOLIDATION;regimen=x | values.therapyKind: must be one of [ALLOGENEIC_TRANSPLANT, CAR_T, CHEMOTHERAPY, RADIOTHERAPY, TARGETED_OR_OTHER]
            SUBSEQUENT_THERAPY | therapyKind=CAR_T;intent=-;regimen=obe-cel | values.intent: is required
            SUBSEQUENT_THERAPY | therapyKind=RADIOTHERAPY;intent=PALLIATIVE;regimen=- | values.regimen: is required
            CAR_T_PERSISTENCE | method=FLOW;detected=true;value=4.5;unit=PERCENT_OF_T_CELLS |
            CAR_T_PERSISTENCE | method=QPCR;detected=false;value=-;unit=- |
            CAR_T_PERSISTENCE | method=QPCR;detected=true;value=1200;unit=COPIES_PER_MICROGRAM_DNA |
            CAR_T_PERSISTENCE | method=FLOW;detected=false;value=0;unit=CELLS_PER_MICROLITRE |
            CAR_T_PERSISTENCE | method=-;detected=true;value=-;unit=- | values.method: is required
            CAR_T_PERSISTENCE | method=FLOW;detected=-;value=-;unit=- | values.detected: is required
            CAR_T_PERSISTENCE | method=FLOW;detected=true;value=4.5;unit=- | values.unit: is required with a result
            CAR_T_PERSISTENCE | method=FLOW;detected=true;value=-;unit=PERCENT_OF_T_CELLS | values.value: is required with its unit
            CAR_T_PERSISTENCE | method=QPCR;detected=true;value=1200;unit=CELLS_PER_MICROLITRE | values.unit: a qPCR result is in copies/µg DNA
            CAR_T_PERSISTENCE | method=FLOW;detected=true;value=1200;unit=COPIES_PER_MICROGRAM_DNA | values.unit: a flow cytometry result is a percentage of cells or cells/µL, not copies/µg DNA
            CAR_T_PERSISTENCE | method=FLOW;detected=true;value=100.5;unit=PERCENT_OF_LYMPHOCYTES | values.value: must be at most 100 %
            CAR_T_PERSISTENCE | method=FLOW;detected=false;value=0.3;unit=PERCENT_OF_T_CELLS | values.detected: a result above 0 is a detection: record detected yes, or leave the result empty
            CAR_T_PERSISTENCE | method=FLOW;detected=true;value=-2;unit=CELLS_PER_MICROLITRE | values.value: cannot be negative
            """;


    static final LocalDate DAY_ZERO = LocalDate.of(2026, 3, 2);
    static final LocalDate TODAY = DAY_ZERO.plusDays(200);

    /** "name=value;…" as values ("-" for a missing value). */
    static Map<String, Object> values(String text) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String pair : text.split(";")) {
            String[] kv = pair.split("=", 2);
            if (!"-".equals(kv[1].trim())) {
                values.put(kv[0].trim(), kv[1].trim());
            }
        }
        return values;
    }

    static List<String> refused(Kind kind, String text) {
        try {
            FollowUpEntries.check(new FollowUpEntries.Entry(kind, DAY_ZERO.plusDays(100), values(text), null),
                    DAY_ZERO, TODAY, null, null);
        } catch (ProblemException e) {
            assertThat(e.status()).isEqualTo(400);
            return e.fieldProblems().stream().map(p -> p.field() + ": " + p.message()).toList();
        }
        return List.of();
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource(delimiter = '|', textBlock = ENTRIES)
    void subsequentTherapyAndPersistenceAreCheckedFieldByField(Kind kind, String text, String problem) {
        if (problem == null) {
            assertThat(refused(kind, text)).isEmpty();
        } else {
            assertThat(refused(kind, text)).containsExactly(problem);
        }
    }

    static FollowUpEntry typed(Kind kind, LocalDate on, Map<String, Object> values) {
        return new FollowUpEntry(UUID.randomUUID(), UUID.randomUUID(), 1, kind, on, values, null, null, "Dr Typed",
                on.atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    static FollowUpEntries.InterfaceResult received(String measurement, String value, LocalDate on, int hour) {
        Instant at = on.atTime(hour, 0).toInstant(ZoneOffset.UTC);
        return new FollowUpEntries.InterfaceResult(measurement, new BigDecimal(value), on, at,
                "HL7 v2 result from WINPATH at RXX, message M" + hour);
    }

    @Test
    void aCountTypedForADateWinsOverTheInterfacesResultsOfThatDateAndOtherDatesTakeTheLowestResult() {
        LocalDate day3 = DAY_ZERO.plusDays(3);
        LocalDate day4 = DAY_ZERO.plusDays(4);
        Map<String, Object> typedCounts = new LinkedHashMap<>(Map.of("anc", new BigDecimal("0.4")));
        List<FollowUpEntry> versions = List.of(typed(Kind.BLOOD_COUNT, day3, typedCounts));
        List<FollowUpEntries.InterfaceResult> interfaces = List.of(received("ANC", "0.6", day3, 6),
                received("PLATELETS", "40", day3, 6), received("ANC", "0.9", day4, 6), received("ANC", "0.3", day4, 18),
                received("PLATELETS", "35", day4, 18));

        FollowUpEntries.History h = FollowUpEntries.summarise(DAY_ZERO, versions, interfaces, new BigDecimal("100"));

        assertThat(h.counts()).hasSize(2);
        FollowUpEntries.CountPoint onDay3 = h.counts().get(0);
        assertThat(onDay3.day()).isEqualTo(3);
        assertThat(onDay3.anc()).isEqualByComparingTo("0.4");
        assertThat(onDay3.platelets()).as("the typed count wins for its date: no interface value is mixed in").isNull();
        assertThat(onDay3.source()).isEqualTo(FollowUpEntries.TYPED);
        assertThat(onDay3.entry()).isNotNull();
        FollowUpEntries.CountPoint onDay4 = h.counts().get(1);
        assertThat(onDay4.anc()).isEqualByComparingTo("0.3");
        assertThat(onDay4.platelets()).isEqualByComparingTo("35");
        assertThat(onDay4.entry()).isNull();
        assertThat(onDay4.source()).contains("HL7 v2 result from WINPATH at RXX, message M6")
                .contains("message M18");
    }

    @Test
    void theEarlyIcahtSeriesCountsADayTypedAndReceivedOnce() {
        List<FollowUpEntry> versions = new ArrayList<>();
        List<FollowUpEntries.InterfaceResult> interfaces = new ArrayList<>();
        for (int day = 0; day <= 30; day++) {
            LocalDate on = DAY_ZERO.plusDays(day);
            // the same results typed and received for days 0–15, received only afterwards
            if (day <= 15) {
                versions.add(typed(Kind.BLOOD_COUNT, on, new LinkedHashMap<>(Map.of("anc", new BigDecimal("0.05")))));
            }
            interfaces.add(received("ANC", day <= 15 ? "0.05" : "2.0", on, 7));
        }

        FollowUpEntries.History both = FollowUpEntries.summarise(DAY_ZERO, versions, interfaces, new BigDecimal("100"));
        FollowUpEntries.History received = FollowUpEntries.summarise(DAY_ZERO, List.of(), interfaces,
                new BigDecimal("100"));

        assertThat(both.counts()).hasSize(31);
        assertThat(both.earlyIcaht().complete()).isTrue();
        assertThat(both.earlyIcaht().grade()).isEqualTo(received.earlyIcaht().grade());
        assertThat(both.earlyIcaht().grade()).isEqualTo(4);
    }

    @Test
    void bCellAplasiaIsDerivedFromTypedAndReceivedCd19CountsTheTypedOneWinningOnItsDate() {
        LocalDate day28 = DAY_ZERO.plusDays(28);
        LocalDate day90 = DAY_ZERO.plusDays(90);
        LocalDate day120 = DAY_ZERO.plusDays(120);
        List<FollowUpEntry> versions = List.of(typed(Kind.B_CELLS_AND_IMMUNOGLOBULIN, day28,
                new LinkedHashMap<>(Map.of("cd19BCells", BigDecimal.ZERO, "ivigGiven", true))),
                typed(Kind.B_CELLS_AND_IMMUNOGLOBULIN, day90, new LinkedHashMap<>(Map.of("cd19BCells",
                        new BigDecimal("5")))));
        List<FollowUpEntries.InterfaceResult> interfaces = List.of(received("CD19_B_CELLS", "250", day90, 8),
                received("CD19_B_CELLS", "180", day120, 8), received("IGG", "3.1", day120, 8));

        FollowUpEntries.History h = FollowUpEntries.summarise(DAY_ZERO, versions, interfaces, new BigDecimal("100"));

        assertThat(h.bCellSeries()).extracting(FollowUpEntries.BCellPoint::on).containsExactly(day28, day90, day120);
        assertThat(h.bCellSeries().get(1).cd19BCells()).isEqualByComparingTo("5");
        assertThat(h.bCellSeries().get(2).igg()).isEqualByComparingTo("3.1");
        assertThat(h.bCellAplasia().status()).isEqualTo(BCellAplasia.Status.LOSS_NOT_CONFIRMED);
        assertThat(h.bCellAplasia().lastConfirmedOn()).isEqualTo(day90);
        assertThat(h.bCellAplasia().flagged()).isTrue();
    }
}
