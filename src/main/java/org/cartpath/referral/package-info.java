/**
 * Referral: a hospital refers a patient to a treatment centre, the centre triages the referral, the
 * consultant assesses eligibility for a product under a label version of the catalogue, and the national
 * CAR-T clinical panel approves (unanimously, e-signed by its chair), declines, defers or asks for more
 * information. It takes a therapy case from REFERRED to PANEL_APPROVED through
 * {@link org.cartpath.journey.CaseJourney}.
 *
 * <p>Its public API is this package: the referral services, {@link org.cartpath.referral.EligibilityAssessments}
 * (criteria evaluated against a patient's {@link org.cartpath.patient.ClinicalSnapshot}, confirmed or
 * overridden by the consultant, stored as shown and signed) and {@link org.cartpath.referral.NationalPanel}
 * (meetings, agenda, attendance, votes and signed decisions), with their records. The eligibility rules are
 * plain Java in {@code eligibility}, one evaluator per rule the catalogue can name; the panel's rules and
 * SQL in {@code panel}; REST and pages in {@code web}.
 *
 * <p>It is not the catalogue (which holds the criteria as data), not the patient record (which it reads
 * through {@link org.cartpath.patient.PatientManagement}), and it never shows the panel a patient's name,
 * date of birth or address: panel members see initials, age, the last three digits of the NHS number and
 * the clinical data they decide on.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "identity", "audit", "catalogue",
        "patient", "journey"})
package org.cartpath.referral;
