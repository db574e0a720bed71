package org.cartpath.custody.chain;

/** What can happen to an item (ADR 0016), in the words a custody record uses. */
public enum CustodyEventType {
    LABELLED("Labelled"),
    VERIFIED("Identity verified"),
    HANDED_OVER("Handed over"),
    SHIPPED("Shipped"),
    RECEIVED("Received"),
    STORED("Stored"),
    ISSUED("Issued"),
    THAWED("Thawed"),
    ADMINISTERED("Administered"),
    DESTROYED("Destroyed"),
    RETURNED("Returned");

    private final String label;

    CustodyEventType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** After these nothing more can happen to the item. */
    public boolean closesItem() {
        return this == ADMINISTERED || this == DESTROYED || this == RETURNED;
    }
}
