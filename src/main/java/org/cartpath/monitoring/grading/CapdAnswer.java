package org.cartpath.monitoring.grading;

/** An answer to one item of the Cornell Assessment of Pediatric Delirium. */
public enum CapdAnswer {
    NEVER,
    RARELY,
    SOMETIMES,
    OFTEN,
    ALWAYS
}
