/**
 * Patients: who they are (NHS number with its Modulus 11 check, or a local hospital number; name, date
 * of birth, sex, address, with every version kept), their dated clinical history (measurements,
 * diagnoses, disease status, lines of therapy, transplants, target antigen, CNS and performance status,
 * organ function, consent), and which organisations may see them.
 *
 * <p>Its public API is this package: {@link org.cartpath.patient.PatientManagement}, the value records
 * ({@link org.cartpath.patient.NhsNumber}, {@link org.cartpath.patient.PatientId}), the read models
 * ({@link org.cartpath.patient.PatientSummary}, {@link org.cartpath.patient.PatientRecord}) and the
 * {@link org.cartpath.patient.ClinicalSnapshot} the eligibility rules read. The rules that check entries
 * are plain Java in {@code rules}; SQL in {@code internal}; REST and pages in {@code web}.
 *
 * <p>It is not the referral (a referral links to a patient and gives the centre access through
 * {@code grantAccess}), not the eligibility engine, and never shows a patient to a manufacturer or
 * courier: they know a case only by its chain-of-identity identifier.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "identity", "audit"})
package org.cartpath.patient;
