package org.cartpath.treatment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.cartpath.catalogue.LymphodepletionRegimen.Drug;
import org.cartpath.treatment.lymphodepletion.LymphodepletionCourse.Outcome;

/**
 * What happened to one planned dose: given as planned, held, or given at another dose (modified), with the reason.
 *
 * @param givenMg the dose actually given; null when held
 * @param givenAt when it was given; null when held
 */
public record LymphodepletionAdministration(UUID id, UUID planId, LocalDate plannedOn, Drug drug, Outcome status,
        BigDecimal plannedMg, BigDecimal givenMg, Instant givenAt, String reason, String recordedByName,
        Instant recordedAt) {

    /** What happened to the dose, in words for people ("Given", "Held", "Given at another dose"). */
    public String statusLabel() {
        return status.label();
    }

    /** Whether the dose was held (not given); its reason says why. */
    public boolean held() {
        return status == Outcome.HELD;
    }

    /** Whether the dose was given at another dose than planned; its reason says why. */
    public boolean modified() {
        return status == Outcome.MODIFIED;
    }
}
