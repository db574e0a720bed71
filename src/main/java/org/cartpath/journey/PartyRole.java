package org.cartpath.journey;

/** Why an organisation may see a case (DataVisibility decides how much). */
public enum PartyRole {
    REFERRING_HOSPITAL,
    TREATING_CENTRE,
    NATIONAL_PANEL,
    MANUFACTURER,
    COURIER
}
