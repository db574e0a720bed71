/**
 * Referral: how a patient comes to a treatment centre and whether they may be treated. A referrer at a
 * referring hospital (or at another centre, or their record system by API token) refers a patient to a
 * treatment centre; the centre triages the referral (accepts it, declines it with a reason, or asks the
 * referrer for more information), assesses the patient's eligibility against the product's label version,
 * and puts the case to the national CAR-T clinical panel.
 *
 * <p>Its public API is this package. Intake: {@link org.cartpath.referral.Referrals}; triage:
 * {@link org.cartpath.referral.ReferralTriage}; the centre's questions and the referrer's answers:
 * {@link org.cartpath.referral.ReferralMessages}; the referral records ({@link org.cartpath.referral.Referral}, its
 * messages and attachments) and the {@link org.cartpath.referral.VirusScanner} hook that every uploaded file
 * passes; SQL and file checks in {@code intake}. Eligibility assessment and the national panel: {@code EligibilityAssessments} and
 * {@code NationalPanel}, with their internals in {@code eligibility} and {@code panel}. REST and pages in
 * {@code web}.
 *
 * <p>A referral opens the therapy case ({@link org.cartpath.journey.CaseJourney}) and moves it from
 * Referred to Triaged, Eligibility assessed and Panel approved; the case, its timeline and worklist stay
 * the journey's. Patients (identity and clinical history) stay the patient module's: a referral links to
 * a patient and gives the chosen centre access. Manufacturers and couriers never see a referral.
 *
 * <p>Eligibility criteria are evaluated against a patient's {@link org.cartpath.patient.ClinicalSnapshot},
 * confirmed or overridden by the consultant, stored as shown and signed. The panel never sees a patient's
 * name, date of birth or address: panel members see initials, age, the last three digits of the NHS number
 * and the clinical data they decide on; approval is unanimous and e-signed by the chair.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "identity", "audit", "catalogue", "patient", "journey"})
package org.cartpath.referral;
