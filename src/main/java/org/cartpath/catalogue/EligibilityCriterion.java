package org.cartpath.catalogue;

import java.util.List;

/**
 * One condition a patient must meet, as data: a named rule and its parameters. Which parameters a rule
 * takes is fixed by {@link Rule}; the others are null or empty.
 *
 * @param id     unique within its pathway, e.g. {@code age}
 * @param years  for {@link Rule#AGE_AT_MOST} and {@link Rule#AGE_AT_LEAST}
 * @param lines  for {@link Rule#PRIOR_LINES_AT_LEAST}: lines of systemic therapy already received
 * @param months for {@link Rule#DISEASE_STATUS_ANY_OF} with {@link DiseaseStatus#RELAPSED_WITHIN_MONTHS_OF_FIRST_LINE}
 * @param values names from the rule's vocabulary: {@link DiseaseStatus}, {@link Diagnosis} or {@link TherapyClass}
 * @param source the wording it comes from, e.g. "NICE TA975 1.1: 25 years and under"
 */
public record EligibilityCriterion(
        String id,
        Rule rule,
        SourcedNumber years,
        SourcedNumber lines,
        SourcedNumber months,
        List<String> values,
        String source) {

    public EligibilityCriterion {
        values = List.copyOf(values);
    }

    /** The rules a criterion can name. A new kind of criterion is a code change, reviewed with its evaluator. */
    public enum Rule {
        /** Age in whole years on the day of assessment is at most {@code years}. */
        AGE_AT_MOST,
        /** Age in whole years is at least {@code years}. */
        AGE_AT_LEAST,
        /** The diagnosis (sub-type) is one of {@code values} ({@link Diagnosis}). */
        DIAGNOSIS_IN,
        /** The disease status is any of {@code values} ({@link DiseaseStatus}). */
        DISEASE_STATUS_ANY_OF,
        /** At least {@code lines} prior lines of systemic therapy. */
        PRIOR_LINES_AT_LEAST,
        /** Prior therapy included every one of {@code values} ({@link TherapyClass}). */
        PRIOR_THERAPY_INCLUDES,
        /** The disease is refractory to every one of {@code values} ({@link TherapyClass}). */
        REFRACTORY_TO_THERAPY,
        /** An autologous stem cell transplant would be considered suitable. */
        TRANSPLANT_SUITABLE,
        /** Not eligible for a stem cell transplant (because of comorbidities or age). */
        TRANSPLANT_UNSUITABLE
    }

    /** Disease states labels name. */
    public enum DiseaseStatus {
        REFRACTORY,
        RELAPSED,
        RELAPSED_AFTER_TRANSPLANT,
        SECOND_OR_LATER_RELAPSE,
        REFRACTORY_TO_FIRST_LINE,
        /** Relapsed within {@code months} of completing first-line (chemo)immunotherapy. */
        RELAPSED_WITHIN_MONTHS_OF_FIRST_LINE
    }

    /** Diagnoses (WHO sub-types) labels restrict to. */
    public enum Diagnosis {
        B_CELL_PRECURSOR_ALL,
        DLBCL_NOS,
        DLBCL_ARISING_FROM_FL,
        DLBCL_ARISING_FROM_INDOLENT_LYMPHOMA,
        HIGH_GRADE_BCL,
        PMBCL,
        FL_GRADE_3B,
        FOLLICULAR_LYMPHOMA,
        MANTLE_CELL_LYMPHOMA,
        MULTIPLE_MYELOMA
    }

    /** Classes of prior therapy labels name. */
    public enum TherapyClass {
        BTK_INHIBITOR,
        IMMUNOMODULATORY_AGENT,
        PROTEASOME_INHIBITOR,
        ANTI_CD38_ANTIBODY,
        LENALIDOMIDE,
        CHEMOIMMUNOTHERAPY
    }
}
