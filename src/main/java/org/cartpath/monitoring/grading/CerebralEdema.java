package org.cartpath.monitoring.grading;

/** Raised intracranial pressure or cerebral oedema as ASTCT 2019 grades it for ICANS (Lee et al. 2019). */
public enum CerebralEdema {
    NONE,
    /** Focal or local oedema on neuroimaging. */
    FOCAL,
    /**
     * Diffuse oedema on neuroimaging; decerebrate or decorticate posturing; cranial nerve VI palsy; papilloedema;
     * or Cushing's triad.
     */
    DIFFUSE
}
