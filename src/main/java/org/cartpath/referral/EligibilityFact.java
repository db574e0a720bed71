package org.cartpath.referral;

/** One value of the patient's clinical snapshot as it was shown, e.g. "Age" — "9 years on 2026-11-26". */
public record EligibilityFact(String name, String value) {
}
