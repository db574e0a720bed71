package org.cartpath.patient;

import java.time.LocalDate;

/**
 * The state of the disease at an assessment, in the terms CAR-T indications use (NICE TA975: refractory,
 * relapsed after transplant, second or later relapse; TA895/TA1048: relapse within 12 months of first-line
 * therapy).
 *
 * @param relapseNumber                   0 for never relapsed, 1 for first relapse, 2 for second…
 * @param relapsedOn                      the date of the latest relapse, when known
 * @param monthsFromFirstLineEndToRelapse from the end of first-line therapy to the first relapse, when known
 */
public record DiseaseStatus(
        LocalDate assessedOn,
        Boolean refractory,
        Integer relapseNumber,
        Boolean relapseAfterTransplant,
        LocalDate relapsedOn,
        Integer monthsFromFirstLineEndToRelapse) implements ClinicalDetails {

    @Override
    public EntryKind kind() {
        return EntryKind.DISEASE_STATUS;
    }

    @Override
    public LocalDate effectiveOn() {
        return assessedOn;
    }
}
