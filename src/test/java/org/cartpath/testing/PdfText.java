package org.cartpath.testing;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The text of a PDF cartpath printed, every page, with runs of white space made one space, for assertions. */
public final class PdfText {

    private PdfText() {
    }

    public static String of(byte[] pdf) {
        try {
            PdfReader reader = new PdfReader(pdf);
            try {
                StringBuilder text = new StringBuilder();
                PdfTextExtractor extractor = new PdfTextExtractor(reader);
                for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                    text.append(extractor.getTextFromPage(page)).append('\n');
                }
                return text.toString().replaceAll("\\s+", " ");
            } finally {
                reader.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
