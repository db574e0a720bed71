package org.cartpath.custody.labels;

import com.google.zxing.common.BitMatrix;

/**
 * One thing printed on a label, placed in printer dots (300 per inch) from the top-left corner. A layout
 * decides where things go once; the PDF and PNG painters only draw, so both show the same label.
 */
sealed interface LabelElement {

    /** A line of text; {@code size} is the font's em height in dots. */
    record Text(int x, int baseline, int size, boolean bold, String text) implements LabelElement {
    }

    /** An eye-readable identifier after its caption, then its keyboard check character in a box (ICCBBA ST-001). */
    record EyeReadable(int x, int baseline, int size, String caption, String text, char checkCharacter)
            implements LabelElement {
    }

    /** White bold text on a black band, for what must not be missed (REPRINT). */
    record Banner(int x, int y, int width, int height, int size, String text) implements LabelElement {
    }

    /** A Code 128 symbol: dark and light modules left to right; {@code data} is exactly what it encodes. */
    record LinearSymbol(int x, int y, int moduleWidth, int height, boolean[] modules, String data)
            implements LabelElement {

        int width() {
            return modules.length * moduleWidth;
        }
    }

    /** A DataMatrix symbol; {@code data} is exactly what it encodes. */
    record MatrixSymbol(int x, int y, int moduleSize, BitMatrix modules, String data) implements LabelElement {

        int size() {
            return modules.getWidth() * moduleSize;
        }
    }
}
