package org.cartpath.shared;

/**
 * The longest text a client may send in one field of an API request (docs/security-and-reliability.md,
 * "Input limits and HTTP edges"). Request records put one of these on every {@code String} with
 * {@code @Size(max = …)}; a longer value is refused with 400 problem+json naming the field, before anything
 * is read or written. A module's own rule may be tighter (a postcode, a reason of 500 characters) and
 * then answers with its own message.
 */
public final class TextLimits {

    /** Identifiers, codes, choices, dates and times, names, places, passwords. */
    public static final int SHORT = 200;

    /** Raw scanner data, kept long enough that an unreadable scan is still recorded as the scanner sent it. */
    public static final int SCAN = 1_000;

    /** Reasons, notes, comments, questions and answers, descriptions. */
    public static final int LONG = 4_000;

    /** A referral's clinical summary (the referral's own rule, NewReferralChecks.SUMMARY_MAX). */
    public static final int CLINICAL_SUMMARY = 10_000;

    /** Entries of a list or map in a request (roles, answers, bags, days). */
    public static final int ITEMS = 100;

    private TextLimits() {
    }
}
