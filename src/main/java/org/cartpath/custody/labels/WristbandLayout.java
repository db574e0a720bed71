package org.cartpath.custody.labels;

import static org.cartpath.custody.labels.LabelSheet.millimetres;
import static org.cartpath.custody.labels.LabelSheet.points;

import java.util.ArrayList;
import java.util.List;
import org.cartpath.custody.PatientWristbandCode;

/**
 * The patient wristband, 200 x 30 mm: who the patient is, and nothing about the product. The name, NHS number and
 * date of birth printed for the eye (NPSA Safer Practice Notice 24), and the patient's own symbol
 * ({@link PatientWristbandCode}: the NHS number and date of birth) as Code 128 and DataMatrix, with its data printed
 * under it for keying. It never carries the COI or DIN: the bedside and collection checks match the wristband to the
 * patient and the bag to the case, so scanning the product bag twice cannot pass for the patient (ADR 0006). The only
 * layout that reads the patient's identity.
 */
final class WristbandLayout {

    private static final int MARGIN = millimetres(2);
    private static final int PATIENT_COLUMN = millimetres(76);
    private static final int MODULE = 3;
    private static final int MATRIX_MODULE = 5;
    private static final int BAR_HEIGHT = millimetres(12);
    private static final int NAME = points(14);
    private static final int IDENTIFIER = points(11);
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
        y += IDENTIFIER + millimetres(1.5);
        elements.add(new LabelElement.Text(MARGIN, y, IDENTIFIER, false, patient.nhsNumber() != null
                ? "NHS No  " + LabelText.printable("the NHS number", LabelText.nhsNumber(patient.nhsNumber()))
                : "Hosp No  " + LabelText.printable("the hospital number", patient.hospitalNumber())));
        y += IDENTIFIER + millimetres(1);
        elements.add(new LabelElement.Text(MARGIN, y, IDENTIFIER, false, "DOB  " + LabelText.date(patient.dateOfBirth())));
        y += EYE_READABLE + millimetres(1.5);
        elements.add(new LabelElement.Text(MARGIN, y, EYE_READABLE, true, "PATIENT IDENTIFICATION"));

        String data = patient.wristbandCode().barcodeData();
        int quietZone = Symbols.CODE_128_QUIET_ZONE_MODULES * MODULE;
        int barsX = MARGIN + PATIENT_COLUMN + millimetres(2) + quietZone;
        LabelElement.LinearSymbol bars = Symbols.code128(data, barsX, MARGIN, MODULE, BAR_HEIGHT);
        elements.add(bars);
        elements.add(new LabelElement.Text(barsX, MARGIN + BAR_HEIGHT + millimetres(1) + EYE_READABLE, EYE_READABLE,
                false, data));
        int matrixX = barsX + bars.width() + quietZone;
        elements.add(Symbols.dataMatrix(data, matrixX, MARGIN, MATRIX_MODULE));
        int width = millimetres(200);
        int height = millimetres(30);
        if (content.reprint()) {
            int bannerX = matrixX + Symbols.dataMatrixModules(data) * MATRIX_MODULE + millimetres(5);
            elements.add(new LabelElement.Banner(bannerX, (height - millimetres(8)) / 2, width - MARGIN - bannerX,
                    millimetres(8), points(14), "REPRINT"));
        }
        return new LabelSheet(LabelKind.PATIENT_WRISTBAND, width, height, elements);
    }
}
