package org.cartpath.custody.labels;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.datamatrix.DataMatrixWriter;
import com.google.zxing.datamatrix.encoder.SymbolShapeHint;
import com.google.zxing.oned.Code128Writer;
import java.util.Map;

/** The ISBT 128 bar-code data of an identifier as Code 128 and DataMatrix symbols (ZXing), without quiet zones. */
final class Symbols {

    /** ISO/IEC 15417: at least 10 modules of light on either side of a Code 128 symbol. */
    static final int CODE_128_QUIET_ZONE_MODULES = 10;

    private Symbols() {
    }

    static LabelElement.LinearSymbol code128(String data, int x, int y, int moduleWidth, int height) {
        return new LabelElement.LinearSymbol(x, y, moduleWidth, height, new Code128Writer().encode(data), data);
    }

    static LabelElement.MatrixSymbol dataMatrix(String data, int x, int y, int moduleSize) {
        return new LabelElement.MatrixSymbol(x, y, moduleSize, dataMatrix(data), data);
    }

    /** How many modules wide (and high: square symbols only) the DataMatrix for {@code data} is. */
    static int dataMatrixModules(String data) {
        return dataMatrix(data).getWidth();
    }

    private static BitMatrix dataMatrix(String data) {
        return new DataMatrixWriter().encode(data, BarcodeFormat.DATA_MATRIX, 0, 0,
                Map.of(EncodeHintType.DATA_MATRIX_SHAPE, SymbolShapeHint.FORCE_SQUARE));
    }
}
