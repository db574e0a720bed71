package org.cartpath.followup.internal;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.cartpath.followup.AlertCard;

/** The patient alert card as a PDF, A6 (a card to fold into a wallet), in words a patient reads. */
public final class AlertCardPainter {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final Font TITLE = new Font(Font.HELVETICA, 13, Font.BOLD, Color.WHITE);
    private static final Font HEADING = new Font(Font.HELVETICA, 9.5f, Font.BOLD);
    private static final Font BODY = new Font(Font.HELVETICA, 8.5f);
    private static final Font SMALL = new Font(Font.HELVETICA, 6.5f, Font.NORMAL, Color.DARK_GRAY);

    private AlertCardPainter() {
    }

    public static byte[] paint(AlertCard card) {
        Document document = new Document(PageSize.A6, 22, 22, 20, 20);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle("CAR-T patient alert card: " + card.caseReference());
            document.addCreator("cartpath");
            document.open();
            com.lowagie.text.pdf.PdfPTable banner = new com.lowagie.text.pdf.PdfPTable(1);
            banner.setWidthPercentage(100);
            com.lowagie.text.pdf.PdfPCell title = new com.lowagie.text.pdf.PdfPCell(
                    new Paragraph("CAR-T PATIENT ALERT CARD", TITLE));
            title.setBackgroundColor(new Color(0x00, 0x5E, 0xB8));
            title.setPadding(6);
            title.setHorizontalAlignment(Element.ALIGN_CENTER);
            title.setBorder(0);
            banner.addCell(title);
            document.add(banner);
            add(document, HEADING, "I have been treated with " + card.productName() + " (" + card.inn() + "), a CAR-T"
                    + " cell therapy, on " + DATE.format(card.infusedOn()) + ".");
            add(document, BODY, card.patientName() + ", born " + DATE.format(card.dateOfBirth())
                    + (card.nhsNumber() == null ? "" : ", NHS number " + card.nhsNumber()));
            add(document, HEADING, "Carry this card at all times. Show it to any doctor, nurse or pharmacist and tell"
                    + " them you have had CAR-T therapy.");
            add(document, BODY, "Call the number below at once, day or night, if you have " + AlertCard.WARNING_SIGNS
                    + ". If you cannot reach it, call 999.");
            add(document, HEADING, "24-hour contact: " + card.contact().serviceName() + ", " + card.contact().phone());
            add(document, BODY, "Treating centre: " + card.centreName());
            add(document, BODY, card.drivingAdvice());
            add(document, SMALL, "Case " + card.caseReference() + ". Printed " + DATE.format(card.printedOn())
                    + " by cartpath from the patient's record; the centre reprints it from the case page. Driving: "
                    + card.drivingSource() + ".");
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("Could not write the alert card", e);
        }
        return out.toByteArray();
    }

    private static void add(Document document, Font font, String text) {
        Paragraph paragraph = new Paragraph(text, font);
        paragraph.setSpacingBefore(5);
        document.add(paragraph);
    }
}
