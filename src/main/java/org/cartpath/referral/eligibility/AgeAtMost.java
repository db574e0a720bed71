package org.cartpath.referral.eligibility;

import org.cartpath.catalogue.EligibilityCriterion;
import org.cartpath.patient.ClinicalSnapshot;

/** {@code AGE_AT_MOST}: age in completed years on the day of assessment, e.g. NICE TA975 "25 years and under". */
final class AgeAtMost implements CriterionEvaluator {

    @Override
    public String describe(EligibilityCriterion criterion) {
        return Parameters.whole(criterion.years()).map(years -> "Age " + years + " years or under")
                .orElse("Age at most a limit the catalogue does not give");
    }

    @Override
    public Finding evaluate(EligibilityCriterion criterion, ClinicalSnapshot snapshot) {
        return Parameters.whole(criterion.years())
                .map(limit -> Words.age(snapshot) == null ? Finding.unknown(Words.ageData(snapshot))
                        : Finding.of(snapshot.ageYears() <= limit, Words.ageData(snapshot)))
                .orElseGet(() -> Finding.unknown(Parameters.missing("age limit", criterion.years())));
    }
}
