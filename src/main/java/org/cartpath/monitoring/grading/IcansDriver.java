package org.cartpath.monitoring.grading;

/** The ICANS domains that can set the grade. */
public enum IcansDriver {
    ICE,
    CAPD,
    CONSCIOUSNESS,
    SEIZURE,
    MOTOR,
    CEREBRAL_EDEMA
}
