package org.cartpath.custody.chain;

/** What is held and handed over: the patient's collected cells, the shipper they travel in, the product made from them. */
public enum ItemKind {
    /** An apheresis bag, identified by its collection's DIN. */
    COLLECTION_BAG("Collection bag"),
    /** A dry shipper, identified by its shipper id; it carries bags. */
    SHIPPER("Shipper"),
    /** A bag of the manufactured product, identified by the manufacturer's lot and bag number. */
    PRODUCT_BAG("Product bag");

    private final String label;

    ItemKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
