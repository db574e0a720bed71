package org.cartpath.custody.chain;

/** Where an item stands, derived from its events. */
public enum ItemStatus {
    /** Registered, no event yet. */
    NEW,
    /** Held by an organisation at a place. */
    HELD,
    /** With a courier, between places. */
    IN_TRANSIT,
    ADMINISTERED,
    DESTROYED,
    RETURNED;

    public boolean isClosed() {
        return this == ADMINISTERED || this == DESTROYED || this == RETURNED;
    }
}
