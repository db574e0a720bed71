package org.cartpath.followup.outcomes;

/**
 * The transformation under which the pointwise confidence interval of a Kaplan–Meier curve is built, as R
 * {@code survival::survfit}'s {@code conf.type}: {@code "log"} (R's default), {@code "log-log"} and {@code "plain"}.
 */
public enum ConfidenceInterval {
    /** exp(log S ± z·H): R {@code conf.type = "log"}. */
    LOG,
    /** exp(−exp(log(−log S) ± z·H / log S)): R {@code conf.type = "log-log"}. */
    LOG_LOG,
    /** S ± z·S·H: R {@code conf.type = "plain"}. */
    PLAIN
}
