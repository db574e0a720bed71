package org.cartpath.monitoring.grading;

/** Seizures as ASTCT 2019 grades them for ICANS (Lee et al. 2019). */
public enum Seizure {
    NONE,
    /**
     * Any clinical seizure, focal or generalised, that resolves rapidly, or non-convulsive seizures on EEG that
     * resolve with intervention.
     */
    RAPIDLY_RESOLVING,
    /**
     * A life-threatening prolonged seizure (over 5 minutes), or repetitive seizures without return to baseline
     * in between.
     */
    PROLONGED_OR_REPETITIVE
}
