package org.cartpath.treatment.checklist;

import java.util.List;

/**
 * One item of a pre-infusion checklist (ADR 0017). Automatic items are computed from the other modules'
 * records; manual items are ticked by an authorised person.
 *
 * @param code  stable within a checklist: one of {@link #DEFAULTS}' codes, or {@code CUSTOM_n} for a centre's own
 */
public record ChecklistItem(String code, String label, String hint, Kind kind) {

    public enum Kind { AUTOMATIC, MANUAL }

    public static final String PRODUCT_RECEIVED = "PRODUCT_RECEIVED";
    public static final String QA_RELEASE_ACCEPTED = "QA_RELEASE_ACCEPTED";
    public static final String LYMPHODEPLETION_IN_WINDOW = "LYMPHODEPLETION_IN_WINDOW";
    public static final String TOCILIZUMAB_ON_SITE = "TOCILIZUMAB_ON_SITE";
    public static final String NO_UNCONTROLLED_INFECTION = "NO_UNCONTROLLED_INFECTION";
    public static final String CONSENT_CURRENT = "CONSENT_CURRENT";
    public static final String OBSERVATIONS_WITHIN_LIMITS = "OBSERVATIONS_WITHIN_LIMITS";

    /**
     * ADR 0017's seven items, the default set of every centre and product (also seeded in the database, V97). A
     * centre adds its own items to them; it cannot remove them.
     */
    public static final List<ChecklistItem> DEFAULTS = List.of(
            new ChecklistItem(PRODUCT_RECEIVED, "Product received and its identity verified at receipt",
                    "From the chain of custody: the two-person receipt check", Kind.AUTOMATIC),
            new ChecklistItem(QA_RELEASE_ACCEPTED, "QA release accepted",
                    "From manufacturing: QA's signed acceptance of the latest lot", Kind.AUTOMATIC),
            new ChecklistItem(LYMPHODEPLETION_IN_WINDOW, "Lymphodepletion completed, infusion within the label's window",
                    "From the lymphodepletion records", Kind.AUTOMATIC),
            new ChecklistItem(TOCILIZUMAB_ON_SITE, "Tocilizumab doses on site as the label asks",
                    "From the pharmacy's stock count against the label version", Kind.AUTOMATIC),
            new ChecklistItem(NO_UNCONTROLLED_INFECTION, "No active uncontrolled infection",
                    "Confirmed by the consultant or the ward nurse today", Kind.MANUAL),
            new ChecklistItem(CONSENT_CURRENT, "Consent to treatment current",
                    "Check the signed consent; cartpath shows the consent on record", Kind.MANUAL),
            new ChecklistItem(OBSERVATIONS_WITHIN_LIMITS, "Observations within limits",
                    "Temperature, heart rate, blood pressure, oxygen saturation before infusion", Kind.MANUAL));

    /** Items that are conditions of the infusion in their own right: an override would not let it go ahead. */
    public static final List<String> NEVER_OVERRIDDEN = List.of(PRODUCT_RECEIVED, QA_RELEASE_ACCEPTED,
            LYMPHODEPLETION_IN_WINDOW);
}
