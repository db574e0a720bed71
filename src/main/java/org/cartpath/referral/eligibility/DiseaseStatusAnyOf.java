package org.cartpath.referral.eligibility;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cartpath.catalogue.EligibilityCriterion;
import org.cartpath.catalogue.EligibilityCriterion.DiseaseStatus;
import org.cartpath.patient.ClinicalSnapshot;
import org.cartpath.referral.EligibilityOutcome;

/**
 * {@code DISEASE_STATUS_ANY_OF}: the disease is in any of the states the label names (NICE TA975: "relapsed
 * after a transplant, relapsed for a second or later time, or refractory"; TA895 and TA1048: "refractory to,
 * or relapsed within 12 months of, first-line chemoimmunotherapy"). Met if any state is met, else unknown if
 * any is unknown, else not met.
 *
 * <p>Two readings a reviewer should know:
 * <ul>
 *   <li>Refractory to first-line therapy is met only when the disease is refractory after exactly one line:
 *       after more lines the record does not say which line it was refractory to (unknown).</li>
 *   <li>"Within N months" is met below N whole months and not met above; at exactly N whole months the
 *       days decide (N months and some days is not within N months), and the record holds whole months only,
 *       so the answer is unknown.</li>
 * </ul>
 */
final class DiseaseStatusAnyOf implements CriterionEvaluator {

    @Override
    public String describe(EligibilityCriterion criterion) {
        String months = Parameters.whole(criterion.months()).map(String::valueOf).orElse("N");
        return "Disease " + Words.either(Parameters.constants(criterion.values(), DiseaseStatus.class).stream()
                .map(status -> Words.STATUSES.get(status).formatted(months)).toList());
    }

    @Override
    public Finding evaluate(EligibilityCriterion criterion, ClinicalSnapshot snapshot) {
        List<DiseaseStatus> statuses = Parameters.constants(criterion.values(), DiseaseStatus.class);
        List<EligibilityOutcome> outcomes = new ArrayList<>();
        for (DiseaseStatus status : statuses) {
            outcomes.add(outcome(status, criterion, snapshot));
        }
        return new Finding(EligibilityOutcome.anyOf(outcomes), data(statuses, criterion, snapshot));
    }

    private static EligibilityOutcome outcome(DiseaseStatus status, EligibilityCriterion criterion, ClinicalSnapshot s) {
        return switch (status) {
            case REFRACTORY -> known(s.refractory());
            case RELAPSED -> s.relapseNumber() == null ? EligibilityOutcome.UNKNOWN : known(s.relapseNumber() >= 1);
            case SECOND_OR_LATER_RELAPSE -> s.relapseNumber() == null ? EligibilityOutcome.UNKNOWN : known(s.relapseNumber() >= 2);
            case RELAPSED_AFTER_TRANSPLANT -> s.relapseAfterTransplant() != null ? known(s.relapseAfterTransplant())
                    : Integer.valueOf(0).equals(s.relapseNumber()) ? EligibilityOutcome.NOT_MET : EligibilityOutcome.UNKNOWN;
            case REFRACTORY_TO_FIRST_LINE -> refractoryToFirstLine(s);
            case RELAPSED_WITHIN_MONTHS_OF_FIRST_LINE -> relapsedWithin(Parameters.whole(criterion.months()), s);
        };
    }

    private static EligibilityOutcome refractoryToFirstLine(ClinicalSnapshot s) {
        if (!Boolean.TRUE.equals(s.refractory())) {
            return known(s.refractory());
        }
        return Integer.valueOf(1).equals(s.priorLinesOfTherapy()) ? EligibilityOutcome.MET : EligibilityOutcome.UNKNOWN;
    }

    private static EligibilityOutcome relapsedWithin(Optional<Integer> limit, ClinicalSnapshot s) {
        Integer months = s.monthsFromFirstLineEndToRelapse();
        if (months == null) {
            return Integer.valueOf(0).equals(s.relapseNumber()) ? EligibilityOutcome.NOT_MET : EligibilityOutcome.UNKNOWN;
        }
        if (limit.isEmpty() || months.equals(limit.get())) {
            return EligibilityOutcome.UNKNOWN;
        }
        return known(months < limit.get());
    }

    private static EligibilityOutcome known(Boolean holds) {
        return holds == null ? EligibilityOutcome.UNKNOWN : holds ? EligibilityOutcome.MET : EligibilityOutcome.NOT_MET;
    }

    private static String data(List<DiseaseStatus> statuses, EligibilityCriterion criterion, ClinicalSnapshot s) {
        List<String> parts = new ArrayList<>();
        parts.add(s.diseaseStatus() == null ? "no disease status recorded by " + s.asOf()
                : "disease status assessed " + s.diseaseStatus().assessedOn());
        if (s.diseaseStatus() != null) {
            parts.add("refractory " + Words.yesNo(s.refractory()));
            parts.add("relapse number " + (s.relapseNumber() == null ? "not recorded" : s.relapseNumber()));
            if (statuses.contains(DiseaseStatus.RELAPSED_AFTER_TRANSPLANT)) {
                parts.add("relapsed after transplant " + Words.yesNo(s.relapseAfterTransplant()));
            }
        }
        if (statuses.contains(DiseaseStatus.RELAPSED_WITHIN_MONTHS_OF_FIRST_LINE)) {
            parts.add(s.monthsFromFirstLineEndToRelapse() == null ? "months from first-line end to relapse not recorded"
                    : s.monthsFromFirstLineEndToRelapse() + " whole months from first-line end to relapse");
            if (criterion.months() == null || !criterion.months().present()) {
                parts.add(Parameters.missing("number of months", criterion.months()));
            }
        }
        if (statuses.contains(DiseaseStatus.REFRACTORY_TO_FIRST_LINE)) {
            parts.add("prior lines " + (s.priorLinesOfTherapy() == null ? "not recorded" : s.priorLinesOfTherapy()));
        }
        return String.join("; ", parts);
    }
}
