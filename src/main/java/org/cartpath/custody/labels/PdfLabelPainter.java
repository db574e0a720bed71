package org.cartpath.custody.labels;

import com.lowagie.text.Document;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Draws a laid-out label as a one-page PDF (OpenPDF) at the label's real size. Bar codes are vector
 * rectangles, so a printer of any resolution prints sharp modules; text uses the standard Helvetica fonts,
 * which every PDF reader has.
 */
final class PdfLabelPainter {

    private static final float POINTS_PER_DOT = 72f / LabelSheet.DOTS_PER_INCH;

    private final PdfContentByte canvas;
    private final float pageHeight;
    private final BaseFont regular;
    private final BaseFont bold;

    private PdfLabelPainter(PdfContentByte canvas, float pageHeight) throws IOException {
        this.canvas = canvas;
        this.pageHeight = pageHeight;
        this.regular = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
        this.bold = BaseFont.createFont(BaseFont.HELVETICA_BOLD, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
    }

    static byte[] paint(LabelSheet sheet) {
        Rectangle page = new Rectangle(sheet.width() * POINTS_PER_DOT, sheet.height() * POINTS_PER_DOT);
        Document document = new Document(page, 0, 0, 0, 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            document.addTitle("cartpath label: " + sheet.kind().title());
            document.addCreator("cartpath");
            document.open();
            PdfLabelPainter painter = new PdfLabelPainter(writer.getDirectContent(), page.getHeight());
            sheet.elements().forEach(painter::draw);
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    // Java 17 has no pattern matching in switch; the sealed interface keeps this list complete.
    private void draw(LabelElement element) {
        if (element instanceof LabelElement.Text text) {
            text(text.x(), text.baseline(), text.size(), text.bold() ? bold : regular, text.text());
        } else if (element instanceof LabelElement.EyeReadable eye) {
            eyeReadable(eye);
        } else if (element instanceof LabelElement.Banner banner) {
            banner(banner);
        } else if (element instanceof LabelElement.LinearSymbol bars) {
            linear(bars);
        } else if (element instanceof LabelElement.MatrixSymbol matrix) {
            matrix(matrix);
        }
    }

    private void eyeReadable(LabelElement.EyeReadable eye) {
        float x = eye.x();
        text(x, eye.baseline(), eye.size(), regular, eye.caption());
        x += width(regular, eye.caption() + "  ", eye.size());
        text(x, eye.baseline(), eye.size(), bold, eye.text());
        x += width(bold, eye.text(), eye.size()) + 0.4f * eye.size();
        String check = String.valueOf(eye.checkCharacter());
        float boxWidth = width(bold, check, eye.size()) + 0.4f * eye.size();
        canvas.setLineWidth(0.07f * eye.size() * POINTS_PER_DOT);
        canvas.rectangle(px(x), py(eye.baseline() + 0.25f * eye.size()), boxWidth * POINTS_PER_DOT,
                1.15f * eye.size() * POINTS_PER_DOT);
        canvas.stroke();
        text(x + 0.2f * eye.size(), eye.baseline(), eye.size(), bold, check);
    }

    private void banner(LabelElement.Banner banner) {
        canvas.setGrayFill(0f);
        canvas.rectangle(px(banner.x()), py(banner.y() + banner.height()), banner.width() * POINTS_PER_DOT,
                banner.height() * POINTS_PER_DOT);
        canvas.fill();
        canvas.setGrayFill(1f);
        float textWidth = width(bold, banner.text(), banner.size());
        text(banner.x() + (banner.width() - textWidth) / 2, banner.y() + (banner.height() + 0.7f * banner.size()) / 2,
                banner.size(), bold, banner.text());
        canvas.setGrayFill(0f);
    }

    private void linear(LabelElement.LinearSymbol bars) {
        boolean[] modules = bars.modules();
        for (int i = 0; i < modules.length; i++) {
            if (modules[i]) {
                int run = i;
                while (run < modules.length && modules[run]) {
                    run++;
                }
                canvas.rectangle(px(bars.x() + i * bars.moduleWidth()), py(bars.y() + bars.height()),
                        (run - i) * bars.moduleWidth() * POINTS_PER_DOT, bars.height() * POINTS_PER_DOT);
                i = run;
            }
        }
        canvas.fill();
    }

    private void matrix(LabelElement.MatrixSymbol matrix) {
        int module = matrix.moduleSize();
        for (int row = 0; row < matrix.modules().getHeight(); row++) {
            for (int column = 0; column < matrix.modules().getWidth(); column++) {
                if (matrix.modules().get(column, row)) {
                    canvas.rectangle(px(matrix.x() + column * module), py(matrix.y() + (row + 1) * module),
                            module * POINTS_PER_DOT, module * POINTS_PER_DOT);
                }
            }
        }
        canvas.fill();
    }

    private void text(float x, float baseline, int size, BaseFont font, String text) {
        canvas.beginText();
        canvas.setFontAndSize(font, size * POINTS_PER_DOT);
        canvas.setTextMatrix(px(x), py(baseline));
        canvas.showText(text);
        canvas.endText();
    }

    /** The width of {@code text} in dots. */
    private static float width(BaseFont font, String text, int size) {
        return font.getWidthPoint(text, size);
    }

    private static float px(float dots) {
        return dots * POINTS_PER_DOT;
    }

    private float py(float dots) {
        return pageHeight - dots * POINTS_PER_DOT;
    }
}
