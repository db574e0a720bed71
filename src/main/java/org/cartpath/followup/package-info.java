/**
 * Follow-up after the monitoring window, to year 15: the registry track and its time points, the clinic schedule,
 * response and relapse, counts and ICAHT, late effects, vital status, shared care with the referring hospital, and
 * the stateless outcomes calculators (Kaplan–Meier, log-rank, ICAHT grade, response category, follow-up schedule)
 * whose HTTP contract is fixed for other systems.
 *
 * <p>The calculators are plain Java with their sources cited in {@code docs/clinical/}; the module reacts to the
 * infusion ({@code treatment}) and never the other way round.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "identity", "audit", "catalogue", "patient", "journey", "treatment",
                "monitoring"})
package org.cartpath.followup;
