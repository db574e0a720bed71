package org.cartpath.referral.eligibility;

import java.util.ArrayList;
import java.util.List;
import org.cartpath.catalogue.EligibilityCriterion;
import org.cartpath.catalogue.EligibilityPathway;
import org.cartpath.catalogue.LabelVersion;
import org.cartpath.catalogue.LabelledIndication;
import org.cartpath.catalogue.Product;
import org.cartpath.patient.ClinicalSnapshot;
import org.cartpath.referral.EligibilityCriterionResult;
import org.cartpath.referral.EligibilityEvaluation;
import org.cartpath.referral.EligibilityOutcome;
import org.cartpath.referral.EligibilityPathwayResult;

/**
 * Evaluates a patient's clinical snapshot against one labelled indication of a label version: each
 * criterion by its rule's evaluator, each pathway as all of its criteria, the indication as the diagnosis
 * check and any one pathway (LabelledIndication: "any one pathway suffices, and within a pathway every
 * criterion must hold"). Plain Java: the same inputs always give the same evaluation.
 */
public final class EligibilityEngine {

    private EligibilityEngine() {
    }

    public static EligibilityEvaluation evaluate(Product product, LabelVersion version, LabelledIndication indication,
            ClinicalSnapshot snapshot) {
        EligibilityCriterionResult diagnosis = DiagnosisMatchesIndication.evaluate(indication.indication(),
                indication.source(), snapshot);
        List<EligibilityPathwayResult> pathways = new ArrayList<>();
        for (EligibilityPathway pathway : indication.eligibility()) {
            pathways.add(pathway(pathway, snapshot));
        }
        EligibilityOutcome outcome = EligibilityOutcome.allOf(List.of(diagnosis.outcome(),
                EligibilityOutcome.anyOf(pathways.stream().map(EligibilityPathwayResult::outcome).toList())));
        return new EligibilityEvaluation(product.code().name(), product.name(), indication.indication().name(),
                indication.indication().label(), version.jurisdiction().name(), version.id(), version.document().title(),
                snapshot.asOf(), indication.text(), indication.source(), diagnosis, pathways, outcome,
                ClinicalFacts.of(snapshot));
    }

    static EligibilityPathwayResult pathway(EligibilityPathway pathway, ClinicalSnapshot snapshot) {
        List<EligibilityCriterionResult> criteria = new ArrayList<>();
        for (EligibilityCriterion criterion : pathway.criteria()) {
            criteria.add(criterion(criterion, snapshot));
        }
        return new EligibilityPathwayResult(pathway.id(), pathway.text(), pathway.source(),
                EligibilityOutcome.allOf(criteria.stream().map(EligibilityCriterionResult::outcome).toList()), criteria);
    }

    static EligibilityCriterionResult criterion(EligibilityCriterion criterion, ClinicalSnapshot snapshot) {
        CriterionEvaluator evaluator = EligibilityRules.of(criterion.rule());
        Finding finding = evaluator.evaluate(criterion, snapshot);
        return new EligibilityCriterionResult(criterion.id(), criterion.rule().name(), evaluator.describe(criterion),
                finding.outcome(), finding.dataUsed(), criterion.source());
    }
}
