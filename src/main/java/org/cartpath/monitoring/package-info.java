/**
 * Toxicity monitoring after infusion: cytokine release syndrome (CRS) and immune effector cell-associated
 * neurotoxicity syndrome (ICANS) graded by the ASTCT consensus (Lee et al., Biol Blood Marrow Transplant
 * 2019), the ICE and CAPD encephalopathy scores, and the tocilizumab dose for CRS. Today it holds the
 * graders as plain Java ({@code grading}) and stateless calculators over REST ({@code web}); recorded
 * assessments, the monitoring schedule, alerts and steroid guidance will follow.
 *
 * <p>It is not a prescribing system: grades and doses support the clinician who decides and signs. It does
 * not grade organ toxicities, tremor, myoclonus or intracranial haemorrhage (CTCAE does), and it does not
 * dose lymphodepletion (that is {@code treatment}).
 */
package org.cartpath.monitoring;
