package org.cartpath.treatment.dosing;

/** Sex as the Cockcroft–Gault equation uses it. */
public enum Sex {
    FEMALE,
    MALE
}
