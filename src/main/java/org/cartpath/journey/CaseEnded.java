package org.cartpath.journey;

import org.cartpath.shared.Actor;

/**
 * Published inside the transaction that ends a case (declined, withdrawn, deceased), so that the modules holding
 * something for it release it in the same transaction: a booked manufacturing slot and apheresis chair, a place on
 * the waitlist. {@code actor} is whoever ended the case; what the listeners do is recorded in their name.
 *
 * @param from the stage the case was at when it ended
 */
public record CaseEnded(CaseId caseId, String reference, Stage from, Stage ending, String reason, Actor actor) {
}
