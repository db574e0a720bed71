package org.cartpath.custody.labels;

import static org.cartpath.custody.labels.LabelSheet.millimetres;
import static org.cartpath.custody.labels.LabelSheet.points;

import java.util.ArrayList;
import java.util.List;

/**
 * The patient wristband, 200 x 30 mm: the patient's name, NHS number and date of birth (NPSA SPN 24) beside
 * the COI, and the DIN when one is given, so that the bedside check can scan the wristband against the
 * returned product. The only layout that reads the patient's identity.
 */
final class WristbandLayout {

    private static final int MARGIN = millimetres(2);
    private static final int PATIENT_COLUMN = millimetres(76);
    private static final int MODULE = 3;
    private static final int MATRIX_MODULE = 5;
    private static final int BAR_HEIGHT = millimetres(8);
    private static final int NAME = points(12);
    private static final int IDENTIFIER = points(10);
    private static final int SMALL = points(8);
    private static final int EYE_READABLE = points(9);

    private WristbandLayout() {
    }

    static LabelSheet layout(LabelContent content) {
        PatientIdentity patient = content.patient();
        List<LabelElement> elements = new ArrayList<>();
        String name = LabelText.printable("the patient's name", patient.name());
        int nameSize = LabelText.fitting("the patient's name", name, PATIENT_COLUMN, NAME);
        int y = MARGIN + nameSize;
        elements.add(new LabelElement.Text(MARGIN, y, nameSize, true, name));
        y += IDENTIFIER + millimetres(0.7);
        elements.add(new LabelElement.Text(MARGIN, y, IDENTIFIER, false,
                "NHS No  " + LabelText.printable("the NHS number", LabelText.nhsNumber(patient.nhsNumber()))));
        y += IDENTIFIER + millimetres(0.5);
        elements.add(new LabelElement.Text(MARGIN, y, IDENTIFIER, false, "DOB  " + LabelText.date(patient.dateOfBirth())));
        y += EYE_READABLE + millimetres(0.7);
        elements.add(new LabelElement.Text(MARGIN, y, EYE_READABLE, true, "FOR AUTOLOGOUS USE ONLY"));
        String product = LabelText.printable("the product name", content.productName());
        int productSize = LabelText.fitting("the product name", product, PATIENT_COLUMN, SMALL);
        y += productSize + millimetres(0.5);
        elements.add(new LabelElement.Text(MARGIN, y, productSize, false, product));
        y += SMALL + millimetres(0.5);
        elements.add(new LabelElement.Text(MARGIN, y, SMALL, false, "Collected  " + LabelText.date(content.collectionDate())));

        int quietZone = Symbols.CODE_128_QUIET_ZONE_MODULES * MODULE;
        int barsX = MARGIN + PATIENT_COLUMN + millimetres(2) + quietZone;
        int rowHeight = BAR_HEIGHT + millimetres(1) + EYE_READABLE + millimetres(1.5);
        int matrixX = barsX + identifier(elements, barsX, MARGIN, "COI", content.coi().barcodeData(),
                content.coi().eyeReadable(), content.coi().checkCharacter()) + quietZone;
        if (content.din() != null) {
            matrixX = Math.max(matrixX, barsX + identifier(elements, barsX, MARGIN + rowHeight, "DIN",
                    content.din().barcodeData(), content.din().eyeReadable(), content.din().checkCharacter()) + quietZone);
        }
        elements.add(Symbols.dataMatrix(content.coi().barcodeData(), matrixX, MARGIN, MATRIX_MODULE));
        if (content.din() != null) {
            elements.add(Symbols.dataMatrix(content.din().barcodeData(), matrixX, MARGIN + rowHeight, MATRIX_MODULE));
        }
        int width = millimetres(200);
        int height = millimetres(30);
        if (content.reprint()) {
            int bannerX = matrixX + Symbols.dataMatrixModules(content.coi().barcodeData()) * MATRIX_MODULE + millimetres(5);
            elements.add(new LabelElement.Banner(bannerX, (height - millimetres(8)) / 2, width - MARGIN - bannerX,
                    millimetres(8), points(14), "REPRINT"));
        }
        return new LabelSheet(LabelKind.PATIENT_WRISTBAND, width, height, elements);
    }

    /** A Code 128 symbol with its eye-readable text below; answers the symbol's width. */
    private static int identifier(List<LabelElement> elements, int x, int y, String caption, String data,
            String eyeReadable, char checkCharacter) {
        LabelElement.LinearSymbol bars = Symbols.code128(data, x, y, MODULE, BAR_HEIGHT);
        elements.add(bars);
        elements.add(new LabelElement.EyeReadable(x, y + BAR_HEIGHT + millimetres(1) + EYE_READABLE, EYE_READABLE,
                caption, eyeReadable, checkCharacter));
        return bars.width();
    }
}
