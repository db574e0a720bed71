package org.cartpath.treatment;

import java.math.BigDecimal;
import java.time.Instant;
import org.cartpath.journey.CaseId;
import org.cartpath.shared.Actor;

/**
 * Published inside the infusion's transaction once the infusion is recorded and the case is "Infused". Monitoring
 * reacts in the same transaction (it starts the monitoring window, which moves the case on): the journey's stage is
 * one of the reactions that stay synchronous (docs/adr/0020-module-dependencies-and-reactions.md). Treatment
 * does not call monitoring, which comes after it in the journey.
 *
 * @param actor the person who recorded the infusion; monitoring starts on their behalf
 */
public record InfusionRecorded(CaseId caseId, Actor actor, Instant infusedAt, Integer ageYears,
        boolean developmentalDelay, BigDecimal weightKg) {
}
