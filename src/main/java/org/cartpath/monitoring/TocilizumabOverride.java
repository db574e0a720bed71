package org.cartpath.monitoring;

/**
 * A consultant's override of a tocilizumab rule: their password again (an electronic signature with the
 * meaning OVERRIDDEN, 21 CFR 11.200) and the reason, which is kept on the dose and shown on the case.
 */
public record TocilizumabOverride(String password, String reason) {
}
