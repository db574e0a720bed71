/**
 * Treatment up to and including the infusion (ADR 0017): the pharmacy's lymphodepletion
 * protocol ({@link org.cartpath.treatment.PharmacySettings}), lymphodepletion plans and their verification
 * ({@link org.cartpath.treatment.LymphodepletionPlanning}) and administration
 * ({@link org.cartpath.treatment.Lymphodepletion}), the pre-infusion checklist
 * ({@link org.cartpath.treatment.PreInfusionChecklist}), the infusion itself under one readiness policy
 * ({@link org.cartpath.treatment.Infusions}, {@code readiness}), and the path from collection to infusion
 * ({@link org.cartpath.treatment.PathsToInfusion}). The rules are plain Java in {@code dosing},
 * {@code lymphodepletion}, {@code checklist} and {@code readiness}, tested with tables of cases.
 *
 * <p>Which BSA formula a centre uses and the fludarabine renal bands are protocol data chosen by the centre's
 * pharmacy, recorded with each plan. Toxicity after infusion belongs to {@code monitoring}; the bedside check to
 * {@code custody}; the lot and its acceptance to {@code manufacturing}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "shared", "identity", "audit", "catalogue", "patient", "journey", "scheduling", "custody", "manufacturing"})
package org.cartpath.treatment;
