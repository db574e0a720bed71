package org.cartpath.custody.labels;

import static org.cartpath.custody.labels.LabelSheet.millimetres;
import static org.cartpath.custody.labels.LabelSheet.points;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.cartpath.custody.ChainOfIdentityId;
import org.cartpath.custody.Din;

/**
 * The collection bag and shipper labels. Both travel to the manufacturer, so this layout is never given
 * the patient's identity: only what a manufacturer may see (ADR 0006, ADR 0009). The bag
 * label is the ISBT 128 base label, 100 mm square; the shipper's is 150 x 100 mm.
 */
final class ContainerLabelLayout {

    private static final int MARGIN = millimetres(4);
    private static final int MODULE = 3;             // 0.254 mm Code 128 X-dimension at 300 dpi
    private static final int MATRIX_MODULE = 8;      // 0.68 mm DataMatrix module
    private static final int BAR_HEIGHT = millimetres(13);
    private static final int TITLE = points(9);
    private static final int EYE_READABLE = points(12);
    private static final int BODY = points(10);
    private static final int WARNING = points(14);

    private ContainerLabelLayout() {
    }

    static LabelSheet layout(LabelKind kind, ChainOfIdentityId coi, Din din, String productName,
            LocalDate collectionDate, boolean reprint) {
        int width = switch (kind) {
            case COLLECTION_BAG -> millimetres(100);
            case SHIPPER -> millimetres(150);
            case PATIENT_WRISTBAND -> throw new IllegalArgumentException("a wristband is not a container label");
        };
        List<LabelElement> elements = new ArrayList<>();
        elements.add(new LabelElement.Text(MARGIN, MARGIN + TITLE, TITLE, true, "CAR-T CELLS - " + kind.title()));
        int y = MARGIN + TITLE + millimetres(4);
        y = identifier(elements, width, y, "COI", coi.barcodeData(), coi.eyeReadable(), coi.checkCharacter());
        y = identifier(elements, width, y, "DIN", din.barcodeData(), din.eyeReadable(), din.checkCharacter());
        String product = "Product  " + LabelText.printable("the product name", productName);
        int productSize = LabelText.fitting("the product name", product, width - 2 * MARGIN, BODY);
        elements.add(new LabelElement.Text(MARGIN, y + productSize, productSize, false, product));
        y += productSize + millimetres(2);
        elements.add(new LabelElement.Text(MARGIN, y + BODY, BODY, false, "Collected  " + LabelText.date(collectionDate)));
        y += BODY + millimetres(4);
        elements.add(new LabelElement.Text(MARGIN, y + WARNING, WARNING, true, "FOR AUTOLOGOUS USE ONLY"));
        y += WARNING + millimetres(4);
        if (reprint) {
            elements.add(new LabelElement.Banner(MARGIN, y, width - 2 * MARGIN, millimetres(8), WARNING, "REPRINT"));
        }
        return new LabelSheet(kind, width, millimetres(100), elements);
    }

    /** The Code 128 symbol, its DataMatrix to the right, and below them the eye-readable text with its check character. */
    private static int identifier(List<LabelElement> elements, int width, int y, String caption, String data,
            String eyeReadable, char checkCharacter) {
        int quietZone = Symbols.CODE_128_QUIET_ZONE_MODULES * MODULE;
        LabelElement.LinearSymbol bars = Symbols.code128(data, MARGIN + quietZone, y, MODULE, BAR_HEIGHT);
        int matrixSize = Symbols.dataMatrixModules(data) * MATRIX_MODULE;
        int matrixX = width - MARGIN - matrixSize;
        if (bars.x() + bars.width() + quietZone > matrixX) {
            throw new IllegalStateException("the " + caption + " bar code does not fit the label");
        }
        elements.add(bars);
        elements.add(Symbols.dataMatrix(data, matrixX, y, MATRIX_MODULE));
        int baseline = y + Math.max(BAR_HEIGHT, matrixSize) + millimetres(1) + EYE_READABLE;
        elements.add(new LabelElement.EyeReadable(MARGIN, baseline, EYE_READABLE, caption, eyeReadable, checkCharacter));
        return baseline + millimetres(5);
    }
}
