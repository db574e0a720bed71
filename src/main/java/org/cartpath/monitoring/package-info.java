/**
 * Toxicity monitoring after infusion: cytokine release syndrome (CRS) and immune effector cell-associated
 * neurotoxicity syndrome (ICANS) graded by the ASTCT consensus (Lee et al., Biol Blood Marrow Transplant
 * 2019), the ICE and CAPD encephalopathy scores, recorded assessments and their corrections, the CRS and ICANS
 * episodes and the highest grade per registry period, tocilizumab (dose for the weight, spacing and count rules,
 * signed overrides, stock on site), steroid guidance, alerts and the monitoring board.
 *
 * <p>Its API is {@link org.cartpath.monitoring.MonitoringManagement} (day 0, weights, assessments, episodes,
 * registry windows), {@link org.cartpath.monitoring.ToxicityTreatment} (tocilizumab, steroids, stock),
 * {@link org.cartpath.monitoring.MonitoringAlerts} and {@link org.cartpath.monitoring.MonitoringBoard}. The
 * clinical rules are plain Java: {@code grading} (the graders and calculators) and {@code rules} (tocilizumab
 * spacing, episodes, registry periods, the schedule, steroid guidance). Only the treating centre sees a case's
 * monitoring (ADR 0011).
 *
 * <p>It is not a prescribing system: grades, doses and guidance support the clinician who decides and signs. It
 * does not grade organ toxicities, tremor, myoclonus or intracranial haemorrhage (CTCAE does), and it does not
 * dose lymphodepletion (that is {@code treatment}).
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "identity", "audit", "catalogue", "journey", "treatment"})
package org.cartpath.monitoring;
