package org.cartpath.referral.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.cartpath.catalogue.EligibilityCriterion;
import org.cartpath.catalogue.EligibilityCriterion.Rule;
import org.cartpath.catalogue.EligibilityPathway;
import org.cartpath.catalogue.LabelVersion;
import org.cartpath.catalogue.LabelledIndication;
import org.cartpath.catalogue.internal.BundledCatalogue;
import org.cartpath.patient.ClinicalSnapshot;
import org.cartpath.referral.EligibilityCriterionResult;
import org.cartpath.referral.EligibilityOutcome;
import org.junit.jupiter.api.Test;

/**
 * Missing data is unknown, never "not met" (ADR 0014): every criterion of every label version shipped,
 * evaluated for a patient with nothing recorded, answers UNKNOWN and says what it could not read.
 */
class UnknownDataTest {

    @Test
    void everyCriterionOfEveryBundledLabelIsUnknownWhenNothingIsRecorded() {
        ClinicalSnapshot nothing = SnapshotBuilder.nothingRecorded().build();
        List<String> wrong = new ArrayList<>();
        int evaluated = 0;
        for (BundledCatalogue.BundledVersion bundled : BundledLabels.CATALOGUE.versions()) {
            LabelVersion version = bundled.version();
            for (LabelledIndication indication : version.indications()) {
                for (EligibilityPathway pathway : indication.eligibility()) {
                    for (EligibilityCriterion criterion : pathway.criteria()) {
                        EligibilityCriterionResult result = EligibilityEngine.criterion(criterion, nothing);
                        evaluated++;
                        if (result.outcome() != EligibilityOutcome.UNKNOWN || result.dataUsed().isBlank()) {
                            wrong.add(version.id() + "/" + pathway.id() + "/" + criterion.id() + ": " + result);
                        }
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(evaluated).isGreaterThan(40);
    }

    @Test
    void everyRuleTheCatalogueCanNameHasAnEvaluatorThatDescribesIt() {
        for (Rule rule : Rule.values()) {
            EligibilityCriterion criterion = new EligibilityCriterion("x", rule, null, null, null, List.of(), "source");
            CriterionEvaluator evaluator = EligibilityRules.of(rule);
            assertThat(evaluator.describe(criterion)).as(rule.name()).isNotBlank();
            assertThat(evaluator.evaluate(criterion, SnapshotBuilder.nothingRecorded().build()).outcome())
                    .as(rule.name()).isNotEqualTo(EligibilityOutcome.NOT_MET);
        }
    }

    @Test
    void aCriterionWhoseNumberTheCatalogueDoesNotGiveIsUnknownEvenForAKnownPatient() {
        EligibilityCriterion noLimit = new EligibilityCriterion("age", Rule.AGE_AT_MOST,
                org.cartpath.catalogue.SourcedNumber.absent("no source found"), null, null, List.of(), "label");
        EligibilityCriterionResult result = EligibilityEngine.criterion(noLimit, SnapshotBuilder.child().build());
        assertThat(result.outcome()).isEqualTo(EligibilityOutcome.UNKNOWN);
        assertThat(result.dataUsed()).contains("no source found");
    }

    @Test
    void anIndicationWithoutPathwaysIsNotMetAutomatically() {
        assertThat(EligibilityOutcome.anyOf(List.of())).isEqualTo(EligibilityOutcome.UNKNOWN);
        assertThat(EligibilityOutcome.allOf(List.of(EligibilityOutcome.UNKNOWN, EligibilityOutcome.NOT_MET)))
                .isEqualTo(EligibilityOutcome.NOT_MET);
        assertThat(EligibilityOutcome.anyOf(List.of(EligibilityOutcome.UNKNOWN, EligibilityOutcome.NOT_MET)))
                .isEqualTo(EligibilityOutcome.UNKNOWN);
    }
}
