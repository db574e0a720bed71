package org.cartpath.patient.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cartpath.patient.AntigenStatus;
import org.cartpath.patient.ClinicalDetails;
import org.cartpath.patient.CnsStatus;
import org.cartpath.patient.Consent;
import org.cartpath.patient.Diagnosis;
import org.cartpath.patient.DiagnosisCode;
import org.cartpath.patient.DiseaseStatus;
import org.cartpath.patient.Measurement;
import org.cartpath.patient.OrganFunction;
import org.cartpath.patient.PerformanceStatus;
import org.cartpath.patient.PerformanceStatus.Scale;
import org.cartpath.patient.TherapyLine;
import org.cartpath.patient.Transplant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The rules for each kind of clinical entry: ranges, dates, and the performance scale by age. */
class ClinicalEntryRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    static final LocalDate ADULT_BORN = LocalDate.of(1980, 5, 1);
    static final LocalDate CHILD_BORN = LocalDate.of(2015, 3, 2);

    static BigDecimal n(String value) {
        return new BigDecimal(value);
    }

    static Measurement weight(String kg) {
        return new Measurement(TODAY, n(kg), null);
    }

    static Measurement height(String cm) {
        return new Measurement(TODAY, null, n(cm));
    }

    static PerformanceStatus performance(Scale scale, Integer score, LocalDate on) {
        return new PerformanceStatus(scale, score, on);
    }

    static OrganFunction organs(String creatinine, String bilirubin, String alt, String lvef, String spo2) {
        return new OrganFunction(TODAY, creatinine == null ? null : n(creatinine), bilirubin == null ? null : n(bilirubin),
                alt == null ? null : n(alt), lvef == null ? null : n(lvef), spo2 == null ? null : n(spo2));
    }

    static DiseaseStatus status(Boolean refractory, Integer relapse, Boolean afterTransplant, LocalDate relapsedOn,
            Integer months) {
        return new DiseaseStatus(TODAY, refractory, relapse, afterTransplant, relapsedOn, months);
    }

    static Stream<Arguments> acceptable() {
        return Stream.of(
                arguments(ADULT_BORN, new Measurement(TODAY, n("70.5"), n("172.5"))),
                arguments(ADULT_BORN, weight("0.001")),
                arguments(ADULT_BORN, weight("350")),
                arguments(ADULT_BORN, weight("350.000")),
                arguments(ADULT_BORN, height("30")),
                arguments(ADULT_BORN, height("250.0")),
                arguments(ADULT_BORN, new Measurement(ADULT_BORN, n("3.4"), null)),
                arguments(ADULT_BORN, new Diagnosis(DiagnosisCode.DLBCL, null, TODAY.minusYears(1))),
                arguments(ADULT_BORN, new Diagnosis(DiagnosisCode.OTHER, "Burkitt lymphoma", TODAY)),
                arguments(ADULT_BORN, status(true, 0, false, null, null)),
                arguments(ADULT_BORN, status(false, 2, true, TODAY.minusDays(3), 8)),
                arguments(ADULT_BORN, new TherapyLine(1, "R-CHOP x6", TODAY.minusYears(1), TODAY.minusMonths(7),
                        TherapyLine.Response.COMPLETE_RESPONSE, Set.of(TherapyLine.Tag.ANTI_CD20))),
                arguments(ADULT_BORN, new TherapyLine(2, "R-GDP", TODAY.minusMonths(2), null, null, null)),
                arguments(ADULT_BORN, new Transplant(Transplant.Type.AUTOLOGOUS, TODAY.minusMonths(3))),
                arguments(ADULT_BORN, new AntigenStatus(AntigenStatus.Antigen.CD19, AntigenStatus.Result.POSITIVE, TODAY,
                        "Flow cytometry")),
                arguments(CHILD_BORN, new CnsStatus(CnsStatus.Category.CNS1, TODAY)),
                arguments(CHILD_BORN, performance(Scale.LANSKY, 80, TODAY)),
                arguments(CHILD_BORN, performance(Scale.LANSKY, 0, TODAY)),
                // 16th birthday: Karnofsky or ECOG from that day
                arguments(LocalDate.of(2010, 6, 15), performance(Scale.KARNOFSKY, 100, TODAY)),
                arguments(LocalDate.of(2010, 6, 16), performance(Scale.LANSKY, 100, TODAY)),
                arguments(ADULT_BORN, performance(Scale.ECOG, 0, TODAY)),
                arguments(ADULT_BORN, performance(Scale.ECOG, 5, TODAY)),
                arguments(ADULT_BORN, performance(Scale.KARNOFSKY, 70, TODAY)),
                arguments(ADULT_BORN, organs("88", "17.1", "35", "55", "98")),
                arguments(ADULT_BORN, organs(null, null, null, null, "100")),
                arguments(ADULT_BORN, organs("5", "0", "0", "5", "50")),
                arguments(ADULT_BORN, organs("3000", "1000", "10000", "95", null)),
                arguments(ADULT_BORN, new Consent(Consent.Type.TREATMENT, Consent.Decision.GIVEN, TODAY, null)));
    }

    @ParameterizedTest
    @MethodSource("acceptable")
    void acceptsSensibleEntries(LocalDate born, ClinicalDetails details) {
        assertThat(ClinicalEntryRules.problemsIn(details, born, TODAY)).isEmpty();
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                arguments(ADULT_BORN, weight("0"), Map.of("weightKg", "must be more than 0 kg and at most 350 kg")),
                arguments(ADULT_BORN, weight("-1"), Map.of("weightKg", "must be more than 0 kg and at most 350 kg")),
                arguments(ADULT_BORN, weight("350.1"), Map.of("weightKg", "must be more than 0 kg and at most 350 kg")),
                arguments(ADULT_BORN, weight("70.1234"), Map.of("weightKg", "must have at most 3 decimal places")),
                arguments(ADULT_BORN, height("29.9"), Map.of("heightCm", "must be between 30 cm and 250 cm")),
                arguments(ADULT_BORN, height("250.1"), Map.of("heightCm", "must be between 30 cm and 250 cm")),
                arguments(ADULT_BORN, height("170.25"), Map.of("heightCm", "must have at most 1 decimal place")),
                arguments(ADULT_BORN, new Measurement(TODAY, null, null),
                        Map.of("weightKg", "is required when no height is given")),
                arguments(ADULT_BORN, new Measurement(null, n("70"), null), Map.of("measuredOn", "is required")),
                arguments(ADULT_BORN, new Measurement(TODAY.plusDays(1), n("70"), null),
                        Map.of("measuredOn", "must not be in the future")),
                arguments(ADULT_BORN, new Measurement(ADULT_BORN.minusDays(1), n("3"), null),
                        Map.of("measuredOn", "must not be before the date of birth (1980-05-01)")),
                arguments(ADULT_BORN, new Diagnosis(null, null, null),
                        Map.of("code", "is required", "diagnosedOn", "is required")),
                arguments(ADULT_BORN, new Diagnosis(DiagnosisCode.OTHER, " ", TODAY),
                        Map.of("description", "is required when the code is OTHER")),
                arguments(ADULT_BORN, new Diagnosis(DiagnosisCode.FL, "x".repeat(501), TODAY),
                        Map.of("description", "must be 500 characters or fewer")),
                arguments(ADULT_BORN, status(null, null, null, null, null), Map.of("refractory", "is required",
                        "relapseNumber", "is required", "relapseAfterTransplant", "is required")),
                arguments(ADULT_BORN, status(false, 21, false, null, null),
                        Map.of("relapseNumber", "must be 0 (never relapsed) to 20")),
                arguments(ADULT_BORN, status(false, -1, false, null, null),
                        Map.of("relapseNumber", "must be 0 (never relapsed) to 20")),
                arguments(ADULT_BORN, status(true, 0, true, TODAY, 3), Map.of(
                        "relapseAfterTransplant", "cannot be true when the relapse number is 0",
                        "relapsedOn", "must be empty when the relapse number is 0",
                        "monthsFromFirstLineEndToRelapse", "must be empty when the relapse number is 0")),
                arguments(ADULT_BORN, new DiseaseStatus(TODAY.minusDays(5), false, 1, false, TODAY.minusDays(1), null),
                        Map.of("relapsedOn", "must not be after the assessment date")),
                arguments(ADULT_BORN, status(false, 1, false, null, 601),
                        Map.of("monthsFromFirstLineEndToRelapse", "must be 0 to 600")),
                arguments(ADULT_BORN, new TherapyLine(0, "", TODAY.plusDays(1), null, null, null), Map.of(
                        "lineNumber", "must be 1 to 20", "regimen", "is required", "startedOn", "must not be in the future")),
                arguments(ADULT_BORN, new TherapyLine(1, "R-CHOP", TODAY, TODAY.minusDays(1), null, null),
                        Map.of("endedOn", "must not be before the start date")),
                arguments(ADULT_BORN, new Transplant(null, TODAY.plusDays(1)),
                        Map.of("type", "is required", "transplantedOn", "must not be in the future")),
                arguments(ADULT_BORN, new AntigenStatus(null, null, null, null),
                        Map.of("antigen", "is required", "result", "is required", "testedOn", "is required")),
                arguments(ADULT_BORN, new CnsStatus(null, TODAY), Map.of("status", "is required")),
                arguments(CHILD_BORN, performance(Scale.KARNOFSKY, 80, TODAY),
                        Map.of("scale", "must be LANSKY for a patient under 16 on the assessment date (aged 11)")),
                arguments(CHILD_BORN, performance(Scale.ECOG, 1, TODAY),
                        Map.of("scale", "must be LANSKY for a patient under 16 on the assessment date (aged 11)")),
                arguments(LocalDate.of(2010, 6, 16), performance(Scale.ECOG, 1, TODAY),
                        Map.of("scale", "must be LANSKY for a patient under 16 on the assessment date (aged 15)")),
                arguments(LocalDate.of(2010, 6, 15), performance(Scale.LANSKY, 80, TODAY), Map.of("scale",
                        "must be KARNOFSKY or ECOG for a patient aged 16 or over on the assessment date (aged 16)")),
                // the age on the assessment date counts, not today's age
                arguments(LocalDate.of(2010, 1, 1), performance(Scale.KARNOFSKY, 80, LocalDate.of(2025, 12, 31)),
                        Map.of("scale", "must be LANSKY for a patient under 16 on the assessment date (aged 15)")),
                arguments(ADULT_BORN, performance(Scale.ECOG, 6, TODAY), Map.of("score", "must be 0 to 5 on the ECOG scale")),
                arguments(ADULT_BORN, performance(Scale.ECOG, -1, TODAY), Map.of("score", "must be 0 to 5 on the ECOG scale")),
                arguments(ADULT_BORN, performance(Scale.KARNOFSKY, 75, TODAY),
                        Map.of("score", "must be 0 to 100 in steps of 10 on the Karnofsky scale")),
                arguments(ADULT_BORN, performance(Scale.KARNOFSKY, 110, TODAY),
                        Map.of("score", "must be 0 to 100 in steps of 10 on the Karnofsky scale")),
                arguments(CHILD_BORN, performance(Scale.LANSKY, 105, TODAY),
                        Map.of("score", "must be 0 to 100 in steps of 10 on the Lansky scale")),
                arguments(ADULT_BORN, performance(null, null, TODAY), Map.of("scale", "is required", "score", "is required")),
                arguments(ADULT_BORN, organs(null, null, null, null, null),
                        Map.of("creatinineMicromolPerLitre", "or another result is required")),
                // 1.1 is a creatinine in mg/dL typed into a µmol/L field
                arguments(ADULT_BORN, organs("1.1", "1001", "10001", "96", "49"), Map.of(
                        "creatinineMicromolPerLitre", "must be 5 to 3000 µmol/L (from mg/dL, multiply by 88.4)",
                        "bilirubinMicromolPerLitre", "must be 0 to 1000 µmol/L (from mg/dL, multiply by 17.1)",
                        "altUnitsPerLitre", "must be 0 to 10000 U/L",
                        "lvefPercent", "must be 5 to 95 %",
                        "spo2Percent", "must be 50 to 100 %")),
                arguments(ADULT_BORN, organs("88.25", null, null, null, null),
                        Map.of("creatinineMicromolPerLitre", "must have at most 1 decimal place")),
                arguments(ADULT_BORN, new Consent(null, null, TODAY.plusDays(1), "x".repeat(1001)), Map.of(
                        "type", "is required", "decision", "is required", "decidedOn", "must not be in the future",
                        "note", "must be 1000 characters or fewer")));
    }

    @ParameterizedTest
    @MethodSource("refused")
    void refusesEachProblemWithAnExactMessage(LocalDate born, ClinicalDetails details, Map<String, String> expected) {
        Map<String, String> problems = ClinicalEntryRules.problemsIn(details, born, TODAY).stream()
                .collect(Collectors.toMap(p -> p.field(), p -> p.message()));
        assertThat(problems).isEqualTo(expected);
    }
}
