package org.cartpath.referral.eligibility;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cartpath.catalogue.EligibilityCriterion.Diagnosis;
import org.cartpath.catalogue.EligibilityCriterion.DiseaseStatus;
import org.cartpath.catalogue.EligibilityCriterion.TherapyClass;
import org.cartpath.patient.ClinicalSnapshot;

/**
 * The words the evaluators show: the catalogue's vocabulary in English and the patient's data as read.
 * Dates are ISO-8601 so that what is stored and signed reads the same everywhere.
 */
final class Words {

    static final Map<Diagnosis, String> DIAGNOSES = Map.ofEntries(
            Map.entry(Diagnosis.B_CELL_PRECURSOR_ALL, "B-cell precursor acute lymphoblastic leukaemia"),
            Map.entry(Diagnosis.DLBCL_NOS, "diffuse large B-cell lymphoma not otherwise specified"),
            Map.entry(Diagnosis.DLBCL_ARISING_FROM_FL, "DLBCL arising from follicular lymphoma"),
            Map.entry(Diagnosis.DLBCL_ARISING_FROM_INDOLENT_LYMPHOMA, "DLBCL arising from indolent lymphoma"),
            Map.entry(Diagnosis.HIGH_GRADE_BCL, "high-grade B-cell lymphoma"),
            Map.entry(Diagnosis.PMBCL, "primary mediastinal large B-cell lymphoma"),
            Map.entry(Diagnosis.FL_GRADE_3B, "follicular lymphoma grade 3B"),
            Map.entry(Diagnosis.FOLLICULAR_LYMPHOMA, "follicular lymphoma"),
            Map.entry(Diagnosis.MANTLE_CELL_LYMPHOMA, "mantle cell lymphoma"),
            Map.entry(Diagnosis.MULTIPLE_MYELOMA, "multiple myeloma"));

    static final Map<DiseaseStatus, String> STATUSES = Map.of(
            DiseaseStatus.REFRACTORY, "refractory",
            DiseaseStatus.RELAPSED, "relapsed",
            DiseaseStatus.RELAPSED_AFTER_TRANSPLANT, "relapsed after a transplant",
            DiseaseStatus.SECOND_OR_LATER_RELAPSE, "second or later relapse",
            DiseaseStatus.REFRACTORY_TO_FIRST_LINE, "refractory to first-line therapy",
            DiseaseStatus.RELAPSED_WITHIN_MONTHS_OF_FIRST_LINE, "relapsed within %s months of first-line therapy");

    static final Map<TherapyClass, String> THERAPIES = Map.of(
            TherapyClass.BTK_INHIBITOR, "a BTK inhibitor",
            TherapyClass.IMMUNOMODULATORY_AGENT, "an immunomodulatory agent",
            TherapyClass.PROTEASOME_INHIBITOR, "a proteasome inhibitor",
            TherapyClass.ANTI_CD38_ANTIBODY, "an anti-CD38 antibody",
            TherapyClass.LENALIDOMIDE, "lenalidomide",
            TherapyClass.CHEMOIMMUNOTHERAPY, "chemoimmunotherapy");

    private Words() {
    }

    static Integer age(ClinicalSnapshot snapshot) {
        return snapshot.ageYears();
    }

    static String ageData(ClinicalSnapshot snapshot) {
        return snapshot.ageYears() == null ? "age not known on " + snapshot.asOf()
                : "age " + snapshot.ageYears() + " on " + snapshot.asOf();
    }

    static String yesNo(Boolean value) {
        return value == null ? "not recorded" : value ? "yes" : "no";
    }

    /** "a, b or c" — how a label lists alternatives. */
    static String either(List<String> words) {
        return join(words, " or ");
    }

    /** "a, b and c". */
    static String all(List<String> words) {
        return join(words, " and ");
    }

    private static String join(List<String> words, String last) {
        if (words.size() <= 1) {
            return String.join("", words);
        }
        return words.subList(0, words.size() - 1).stream().collect(Collectors.joining(", ")) + last
                + words.get(words.size() - 1);
    }
}
