package org.cartpath.referral.eligibility;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.cartpath.catalogue.EligibilityCriterion.TherapyClass;
import org.cartpath.patient.ClinicalSnapshot;
import org.cartpath.patient.TherapyLine.Tag;

/** The catalogue's therapy classes as the patient record's line tags, where one tag says the same thing. */
final class Exposures {

    static final Map<TherapyClass, Tag> TAGS = Map.of(
            TherapyClass.BTK_INHIBITOR, Tag.BTK_INHIBITOR,
            TherapyClass.IMMUNOMODULATORY_AGENT, Tag.IMMUNOMODULATORY_DRUG,
            TherapyClass.PROTEASOME_INHIBITOR, Tag.PROTEASOME_INHIBITOR,
            TherapyClass.ANTI_CD38_ANTIBODY, Tag.ANTI_CD38,
            TherapyClass.CHEMOIMMUNOTHERAPY, Tag.ANTI_CD20);

    private Exposures() {
    }

    static String describe(Set<Tag> given, ClinicalSnapshot snapshot) {
        String lines = snapshot.priorLinesOfTherapy() == null ? "" : snapshot.priorLinesOfTherapy() + " lines; ";
        return lines + (given.isEmpty() ? "no drug class recorded on them"
                : "drug classes recorded: " + given.stream().map(Tag::label).collect(Collectors.joining(", ")));
    }
}
