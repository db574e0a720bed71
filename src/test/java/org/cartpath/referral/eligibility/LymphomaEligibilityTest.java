package org.cartpath.referral.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cartpath.referral.EligibilityOutcome.MET;
import static org.cartpath.referral.EligibilityOutcome.NOT_MET;
import static org.cartpath.referral.EligibilityOutcome.UNKNOWN;
import static org.cartpath.referral.eligibility.EligibilityRow.row;
import static org.cartpath.referral.eligibility.SnapshotBuilder.adult;

import java.util.List;
import org.cartpath.catalogue.Indication;
import org.cartpath.patient.DiagnosisCode;
import org.cartpath.patient.TherapyLine.Tag;
import org.cartpath.referral.EligibilityEvaluation;
import org.cartpath.referral.EligibilityOutcome;
import org.cartpath.referral.EligibilityPathwayResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Large B-cell lymphoma in England: Yescarta second line (TA895: refractory to or relapsed within 12 months
 * of first-line chemoimmunotherapy, transplant suitable) and third line (TA872: DLBCL or PMBCL after two or
 * more systemic therapies), Breyanzi second line (TA1048); mantle cell lymphoma (Tecartus, TA677) and
 * follicular lymphoma (Kymriah US).
 */
class LymphomaEligibilityTest {

    static List<EligibilityRow> earlyRelapse() {
        return List.of(
                row("relapsed 11 whole months after first line", dlbclFirstRelapse(11), MET),
                row("relapsed 12 whole months after first line: the days decide", dlbclFirstRelapse(12), UNKNOWN),
                row("relapsed 13 whole months after first line", dlbclFirstRelapse(13), NOT_MET),
                row("first relapse, months not recorded", dlbclFirstRelapse(null), UNKNOWN),
                row("refractory after first line only", adult(DiagnosisCode.DLBCL).refractory().lines(1, Tag.ANTI_CD20), MET),
                row("refractory after two lines: to which is not recorded",
                        adult(DiagnosisCode.DLBCL).refractory().lines(2, Tag.ANTI_CD20), UNKNOWN),
                row("refractory, lines not recorded", adult(DiagnosisCode.DLBCL).refractory(), UNKNOWN),
                row("never relapsed, not refractory", adult(DiagnosisCode.DLBCL).status(false, 0, false), NOT_MET));
    }

    /** The disease-status criterion of the second-line pathways, on its own. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("earlyRelapse")
    void relapseWithinTwelveMonthsOfFirstLineUnderTa895AndTa1048(EligibilityRow row) {
        assertThat(criterion("YESCARTA-UK-2024-11", "ta895", "disease-status", row)).isEqualTo(row.expected());
        assertThat(criterion("BREYANZI-UK-2026-11", "ta1048", "disease-status", row)).isEqualTo(row.expected());
    }

    static List<EligibilityRow> yescarta() {
        return List.of(
                row("early relapse at 11 months, one line: transplant suitability is the consultant's",
                        dlbclFirstRelapse(11).lines(1, Tag.ANTI_CD20, Tag.ANTHRACYCLINE), UNKNOWN),
                row("relapse at 13 months, one line", dlbclFirstRelapse(13).lines(1, Tag.ANTI_CD20), NOT_MET),
                row("DLBCL relapsed after two lines", adult(DiagnosisCode.DLBCL).relapse(2).lines(2, Tag.ANTI_CD20), MET),
                row("PMBCL refractory after two lines", adult(DiagnosisCode.PMBCL).status(true, 1, false).lines(2), MET),
                row("DLBCL relapsed, lines not recorded", adult(DiagnosisCode.DLBCL).relapse(2), UNKNOWN),
                row("LBCL without sub-type after two lines", adult(DiagnosisCode.LBCL).relapse(2).lines(2), UNKNOWN),
                row("17 years old after two lines", adult(DiagnosisCode.DLBCL).age(17).relapse(2).lines(2), NOT_MET),
                row("18 years old after two lines", adult(DiagnosisCode.DLBCL).age(18).relapse(2).lines(2), MET),
                row("follicular lymphoma is not large B-cell lymphoma", adult(DiagnosisCode.FL).relapse(2).lines(3), NOT_MET));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("yescarta")
    void yescartaUnderNiceTa895AndTa872(EligibilityRow row) {
        assertThat(BundledLabels.evaluate("YESCARTA-UK-2024-11", Indication.LBCL, row.patient().build()).outcome())
                .isEqualTo(row.expected());
    }

    static List<EligibilityRow> mantleCell() {
        return List.of(
                row("relapsed after two lines including a BTK inhibitor",
                        adult(DiagnosisCode.MCL).relapse(2).lines(2, Tag.ANTI_CD20, Tag.BTK_INHIBITOR), MET),
                row("relapsed after two lines without a BTK inhibitor",
                        adult(DiagnosisCode.MCL).relapse(2).lines(2, Tag.ANTI_CD20), NOT_MET),
                row("relapsed after one line with a BTK inhibitor",
                        adult(DiagnosisCode.MCL).relapse(1).lines(1, Tag.BTK_INHIBITOR), NOT_MET),
                row("relapsed, no line recorded", adult(DiagnosisCode.MCL).relapse(2), UNKNOWN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mantleCell")
    void tecartusUnderNiceTa677(EligibilityRow row) {
        assertThat(BundledLabels.evaluate("TECARTUS-UK-2026-11", Indication.MCL, row.patient().build()).outcome())
                .isEqualTo(row.expected());
    }

    static List<EligibilityRow> follicular() {
        return List.of(
                row("adult relapsed after two lines", adult(DiagnosisCode.FL).relapse(2).lines(2), MET),
                row("adult relapsed after one line", adult(DiagnosisCode.FL).relapse(1).lines(1), NOT_MET),
                row("17 years old after two lines", adult(DiagnosisCode.FL).age(17).relapse(2).lines(2), NOT_MET));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("follicular")
    void kymriahForFollicularLymphomaUnderTheUsLabel(EligibilityRow row) {
        assertThat(BundledLabels.evaluate("KYMRIAH-US-2025-06", Indication.FL, row.patient().build()).outcome())
                .isEqualTo(row.expected());
    }

    private static SnapshotBuilder dlbclFirstRelapse(Integer months) {
        return adult(DiagnosisCode.DLBCL).relapse(1).monthsToRelapse(months);
    }

    private static EligibilityOutcome criterion(String version, String pathway, String criterion, EligibilityRow row) {
        EligibilityEvaluation evaluation = BundledLabels.evaluate(version, Indication.LBCL, row.patient().build());
        EligibilityPathwayResult result = evaluation.pathways().stream().filter(p -> p.pathwayId().equals(pathway))
                .findFirst().orElseThrow();
        return result.criteria().stream().filter(c -> c.criterionId().equals(criterion)).findFirst().orElseThrow()
                .outcome();
    }
}
