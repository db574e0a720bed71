package org.cartpath.journey;

/** A button on the case page for something the actor may do next (e.g. "Triage the referral"). */
public record CaseAction(String label, String href, boolean primary) {
}
