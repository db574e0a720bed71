package org.cartpath.referral.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cartpath.referral.EligibilityOutcome.MET;
import static org.cartpath.referral.EligibilityOutcome.NOT_MET;
import static org.cartpath.referral.EligibilityOutcome.UNKNOWN;
import static org.cartpath.referral.eligibility.EligibilityRow.row;
import static org.cartpath.referral.eligibility.SnapshotBuilder.child;

import java.util.List;
import org.cartpath.catalogue.Indication;
import org.cartpath.patient.DiagnosisCode;
import org.cartpath.referral.EligibilityCriterionResult;
import org.cartpath.referral.EligibilityEvaluation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * B-cell ALL: Kymriah under NICE TA975 (25 and under: relapsed after a transplant, second or later relapse,
 * or refractory), the US and EU Kymriah labels, and the adult products (Aucatzyl TA1116, Tecartus TA893:
 * 26 and over, relapsed or refractory), with their boundaries (docs/clinical/eligibility.md).
 */
class AcuteLymphoblasticLeukaemiaEligibilityTest {

    static List<EligibilityRow> ta975() {
        return List.of(
                row("25 years old and refractory", child().age(25).refractory(), MET),
                row("26 years old and refractory", child().age(26).refractory(), NOT_MET),
                row("first relapse, not after a transplant", child().relapse(1), NOT_MET),
                row("second relapse", child().relapse(2), MET),
                row("third relapse", child().relapse(3), MET),
                row("first relapse after a transplant", child().relapseAfterTransplant(1), MET),
                row("first relapse, refractory to re-induction", child().status(true, 1, false), MET),
                row("never relapsed, not refractory", child().status(false, 0, false), NOT_MET),
                row("first relapse, transplant not recorded either way", child().status(false, 1, null), UNKNOWN),
                row("no disease status recorded", child(), UNKNOWN),
                row("age unknown, second relapse", child().age(null).relapse(2), UNKNOWN),
                row("age unknown but first relapse not after transplant", child().age(null).relapse(1), NOT_MET),
                row("26 years old, disease status unknown", child().age(26), NOT_MET),
                row("lymphoma, not leukaemia", child().diagnosis(DiagnosisCode.DLBCL).relapse(2), NOT_MET),
                row("no diagnosis recorded", child().diagnosis(null).relapse(2), UNKNOWN),
                row("diagnosis recorded as other", child().other("mixed phenotype acute leukaemia").relapse(2), UNKNOWN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ta975")
    void kymriahUnderNiceTa975(EligibilityRow row) {
        assertThat(evaluate("KYMRIAH-UK-2026-11", row).outcome()).isEqualTo(row.expected());
    }

    static List<EligibilityRow> kymriahUs() {
        return List.of(
                row("25 years old and refractory", child().age(25).refractory(), MET),
                row("26 years old and refractory", child().age(26).refractory(), NOT_MET),
                row("second relapse", child().relapse(2), MET),
                row("first relapse after a transplant: not in the US label", child().relapseAfterTransplant(1), NOT_MET),
                row("first relapse", child().relapse(1), NOT_MET));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kymriahUs")
    void kymriahUnderTheUsLabel(EligibilityRow row) {
        assertThat(evaluate("KYMRIAH-US-2025-06", row).outcome()).isEqualTo(row.expected());
    }

    static List<EligibilityRow> kymriahEu() {
        return List.of(
                row("first relapse after a transplant", child().relapseAfterTransplant(1), MET),
                row("first relapse", child().relapse(1), NOT_MET),
                row("25 years old, second relapse", child().age(25).relapse(2), MET),
                row("26 years old, second relapse", child().age(26).relapse(2), NOT_MET));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kymriahEu")
    void kymriahUnderTheEuLabel(EligibilityRow row) {
        assertThat(evaluate("KYMRIAH-EU-2026-11", row).outcome()).isEqualTo(row.expected());
    }

    static List<EligibilityRow> adultAll() {
        return List.of(
                row("26 years old, first relapse", child().age(26).relapse(1), MET),
                row("25 years old, first relapse", child().age(25).relapse(1), NOT_MET),
                row("40 years old, refractory", child().age(40).refractory(), MET),
                row("40 years old, never relapsed, not refractory", child().age(40).status(false, 0, false), NOT_MET),
                row("40 years old, no disease status", child().age(40), UNKNOWN),
                row("age unknown, first relapse", child().age(null).relapse(1), UNKNOWN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("adultAll")
    void aucatzylUnderNiceTa1116(EligibilityRow row) {
        assertThat(evaluate("AUCATZYL-UK-2026-11", row).outcome()).isEqualTo(row.expected());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("adultAll")
    void tecartusUnderNiceTa893(EligibilityRow row) {
        assertThat(BundledLabels.evaluate("TECARTUS-UK-2026-11", Indication.B_ALL, row.patient().build()).outcome())
                .isEqualTo(row.expected());
    }

    @Test
    void eachCriterionShowsTheDataItUsedAndItsSource() {
        EligibilityEvaluation evaluation = BundledLabels.evaluate("KYMRIAH-UK-2026-11", Indication.B_ALL,
                child().relapse(1).build());
        List<EligibilityCriterionResult> criteria = evaluation.pathways().get(0).criteria();
        assertThat(criteria).extracting(EligibilityCriterionResult::criterionId).containsExactly("age", "disease-status");
        EligibilityCriterionResult age = criteria.get(0);
        assertThat(age.outcome()).isEqualTo(MET);
        assertThat(age.description()).isEqualTo("Age 25 years or under");
        assertThat(age.dataUsed()).isEqualTo("age 9 on 2026-11-26");
        assertThat(age.source()).isEqualTo("NICE TA975 §1.1: people 25 years and under");
        EligibilityCriterionResult status = criteria.get(1);
        assertThat(status.outcome()).isEqualTo(NOT_MET);
        assertThat(status.description())
                .isEqualTo("Disease relapsed after a transplant, second or later relapse or refractory");
        assertThat(status.dataUsed()).isEqualTo(
                "disease status assessed 2026-11-16; refractory no; relapse number 1; relapsed after transplant no");
        assertThat(evaluation.diagnosis().outcome()).isEqualTo(MET);
        assertThat(evaluation.diagnosis().source()).isEqualTo("NICE TA975 §1.1");
        assertThat(evaluation.labelVersionId()).isEqualTo("KYMRIAH-UK-2026-11");
        assertThat(evaluation.facts()).extracting(f -> f.name() + ": " + f.value())
                .contains("Age: 9 years on 2026-11-26", "Prior lines of therapy: not recorded");
    }

    private static EligibilityEvaluation evaluate(String version, EligibilityRow row) {
        return BundledLabels.evaluate(version, Indication.B_ALL, row.patient().build());
    }
}
