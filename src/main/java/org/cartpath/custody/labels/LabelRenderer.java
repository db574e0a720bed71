package org.cartpath.custody.labels;

/**
 * Renders chain-of-identity labels: each bears the COI and DIN as Code 128 and DataMatrix symbols that
 * encode exactly the ISBT 128 bar-code data ({@code &/} + 15 characters; {@code =} + 13 characters +
 * flags {@code 00}), their eye-readable text with the keyboard check character in a box, the product,
 * the collection date and FOR AUTOLOGOUS USE ONLY; a reprint says REPRINT on a black band. Only the
 * wristband shows the patient's identity (see {@link LabelKind}).
 *
 * <p>Plain Java with no state; safe to share between threads.
 */
public final class LabelRenderer {

    /** A one-page PDF at the label's real size. */
    public byte[] pdf(LabelContent content) {
        return PdfLabelPainter.paint(layout(content));
    }

    /** A 300 dpi greyscale PNG, one pixel per printer dot. */
    public byte[] png(LabelContent content) {
        return PngLabelPainter.paint(layout(content));
    }

    LabelSheet layout(LabelContent content) {
        return switch (content.kind()) {
            // Manufacturer-bound labels: the layout is handed no patient identity, whatever the content holds.
            case COLLECTION_BAG, SHIPPER -> ContainerLabelLayout.layout(content.kind(), content.coi(), content.din(),
                    content.productName(), content.collectionDate(), content.reprint());
            case PATIENT_WRISTBAND -> WristbandLayout.layout(content);
        };
    }
}
