package org.cartpath.referral;

/**
 * The centre's answer to a referral.
 *
 * @param reason   why it is declined; required for {@link Outcome#DECLINE}
 * @param question what the centre needs to know; required for {@link Outcome#REQUEST_INFORMATION}
 */
public record TriageDecision(Outcome outcome, String reason, String question) {

    public enum Outcome { ACCEPT, DECLINE, REQUEST_INFORMATION }
}
