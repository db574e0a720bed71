package org.cartpath.followup.internal;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.cartpath.followup.DischargeSummary;

/** The discharge summary as an A4 PDF letter: a heading, one table per section, and who printed it when. */
public final class DischargeSummaryPainter {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final Color NHS_BLUE = new Color(0x00, 0x5E, 0xB8);
    private static final Font TITLE = new Font(Font.HELVETICA, 15, Font.BOLD, Color.WHITE);
    private static final Font HEADING = new Font(Font.HELVETICA, 11.5f, Font.BOLD, NHS_BLUE);
    private static final Font LABEL = new Font(Font.HELVETICA, 9.5f, Font.BOLD);
    private static final Font BODY = new Font(Font.HELVETICA, 9.5f);
    private static final Font SMALL = new Font(Font.HELVETICA, 7.5f, Font.NORMAL, Color.DARK_GRAY);

    private DischargeSummaryPainter() {
    }

    public static byte[] paint(DischargeSummary summary) {
        Document document = new Document(PageSize.A4, 48, 48, 40, 40);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle("CAR-T discharge summary: " + summary.card().caseReference());
            document.addCreator("cartpath");
            document.open();
            PdfPTable banner = new PdfPTable(1);
            banner.setWidthPercentage(100);
            PdfPCell title = new PdfPCell(new Paragraph("CAR-T THERAPY DISCHARGE SUMMARY", TITLE));
            title.setBackgroundColor(NHS_BLUE);
            title.setPadding(8);
            title.setHorizontalAlignment(Element.ALIGN_CENTER);
            title.setBorder(0);
            banner.addCell(title);
            document.add(banner);
            Paragraph to = new Paragraph("To the referring team at " + summary.referringHospital()
                    + " and the patient's GP, from " + summary.card().centreName() + ".", BODY);
            to.setSpacingBefore(8);
            document.add(to);
            for (DischargeSummary.Section section : summary.sections()) {
                Paragraph heading = new Paragraph(section.title(), HEADING);
                heading.setSpacingBefore(10);
                heading.setSpacingAfter(3);
                document.add(heading);
                PdfPTable table = new PdfPTable(new float[] {1.3f, 4f});
                table.setWidthPercentage(100);
                for (DischargeSummary.Line line : section.lines()) {
                    if (line.label() == null) {
                        PdfPCell sentence = cell(new Phrase("• " + line.value(), BODY));
                        sentence.setColspan(2);
                        table.addCell(sentence);
                    } else {
                        table.addCell(cell(new Phrase(line.label(), LABEL)));
                        table.addCell(cell(new Phrase(line.value(), BODY)));
                    }
                }
                document.add(table);
            }
            Paragraph footer = new Paragraph("Printed " + DATE.format(summary.card().printedOn()) + " by "
                    + summary.preparedBy() + ", from cartpath's record of case " + summary.card().caseReference()
                    + ". Made afresh at each print; the centre reprints it from the case page after any change.",
                    SMALL);
            footer.setSpacingBefore(12);
            document.add(footer);
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("Could not write the discharge summary", e);
        }
        return out.toByteArray();
    }

    private static PdfPCell cell(Phrase phrase) {
        PdfPCell cell = new PdfPCell(phrase);
        cell.setBorder(PdfPCell.BOTTOM);
        cell.setBorderColor(new Color(0xD8, 0xDD, 0xE0));
        cell.setPaddingTop(3);
        cell.setPaddingBottom(4);
        return cell;
    }
}
