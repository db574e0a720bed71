package org.cartpath.scheduling;

/**
 * Why a slot is booked: the first collection after panel approval, a new collection after a manufacturing
 * failure, or a re-manufacture from cells the site already holds (no apheresis).
 */
public enum BookingPurpose {
    COLLECTION, RECOLLECTION, REMANUFACTURE
}
