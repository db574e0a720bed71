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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Multiple myeloma under the US labels (NICE terminated its appraisals): Abecma after two or more lines
 * including an IMiD, a PI and an anti-CD38 antibody; Carvykti after one or more including a PI and an IMiD,
 * and refractory to lenalidomide — which the record cannot show, so Carvykti is never met automatically.
 */
class MyelomaEligibilityTest {

    static List<EligibilityRow> abecma() {
        return List.of(
                row("relapsed after two lines with the three classes", myeloma().lines(2, Tag.IMMUNOMODULATORY_DRUG,
                        Tag.PROTEASOME_INHIBITOR, Tag.ANTI_CD38), MET),
                row("relapsed after two lines without an anti-CD38 antibody", myeloma().lines(2,
                        Tag.IMMUNOMODULATORY_DRUG, Tag.PROTEASOME_INHIBITOR), NOT_MET),
                row("relapsed after one line with the three classes", myeloma().lines(1, Tag.IMMUNOMODULATORY_DRUG,
                        Tag.PROTEASOME_INHIBITOR, Tag.ANTI_CD38), NOT_MET),
                row("relapsed, no line recorded", myeloma(), UNKNOWN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("abecma")
    void abecmaUnderTheUsLabel(EligibilityRow row) {
        assertThat(BundledLabels.evaluate("ABECMA-US-2025-06", Indication.MULTIPLE_MYELOMA, row.patient().build())
                .outcome()).isEqualTo(row.expected());
    }

    static List<EligibilityRow> carvykti() {
        return List.of(
                row("IMiD and PI given: lenalidomide refractoriness is not recorded",
                        myeloma().lines(1, Tag.IMMUNOMODULATORY_DRUG, Tag.PROTEASOME_INHIBITOR), UNKNOWN),
                row("no IMiD ever given: cannot be lenalidomide-refractory",
                        myeloma().lines(2, Tag.PROTEASOME_INHIBITOR), NOT_MET));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("carvykti")
    void carvyktiUnderTheUsLabel(EligibilityRow row) {
        assertThat(BundledLabels.evaluate("CARVYKTI-US-2025-06", Indication.MULTIPLE_MYELOMA, row.patient().build())
                .outcome()).isEqualTo(row.expected());
    }

    private static SnapshotBuilder myeloma() {
        return adult(DiagnosisCode.MULTIPLE_MYELOMA).relapse(2);
    }
}
