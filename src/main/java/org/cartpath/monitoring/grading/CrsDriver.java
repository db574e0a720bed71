package org.cartpath.monitoring.grading;

/** The CRS domains that can set the grade. */
public enum CrsDriver {
    FEVER,
    HYPOTENSION,
    HYPOXIA,
    DEATH
}
