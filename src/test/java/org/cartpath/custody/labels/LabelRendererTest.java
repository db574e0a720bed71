package org.cartpath.custody.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.cartpath.custody.labels.LabelFixtures.COI;
import static org.cartpath.custody.labels.LabelFixtures.DIN;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.GenericMultipleBarcodeReader;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.cartpath.custody.scan.ScannedIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Labels read back as a scanner and a reader would: the bar codes decoded from the PNG, the text from the PDF. */
class LabelRendererTest {

    private static final String COI_DATA = "&/CHG123426A1B2C3";
    private static final String DIN_DATA = "=G12342600004200";

    private final LabelRenderer renderer = new LabelRenderer();

    /** The patient's own symbol on the fixture wristband: Jane SMITH's NHS number and date of birth. */
    private static final String WRISTBAND_DATA = "PT-N-9434765919-19850314";

    @ParameterizedTest
    @EnumSource(value = LabelKind.class, names = {"COLLECTION_BAG", "SHIPPER"})
    void eachSymbolOnTheImageDecodesToExactlyTheIsbt128Data(LabelKind kind) {
        assertThat(decodePlaced(LabelFixtures.label(kind))).containsExactlyInAnyOrder(
                "CODE_128 " + COI_DATA, "DATA_MATRIX " + COI_DATA, "CODE_128 " + DIN_DATA, "DATA_MATRIX " + DIN_DATA);
    }

    /**
     * A scan of the whole label, knowing nothing of the layout, finds both linear symbols and no other.
     * (ZXing's DataMatrix detector looks for one symbol filling the middle of an image, so DataMatrix
     * symbols are decoded where they were placed, in the test above, with their quiet zones checked clear.)
     */
    @ParameterizedTest
    @EnumSource(value = LabelKind.class, names = {"COLLECTION_BAG", "SHIPPER"})
    void aScanOfTheWholeImageFindsBothCode128Symbols(LabelKind kind) {
        BufferedImage image = image(renderer.png(LabelFixtures.label(kind)));
        assertThat(decodeWhole(image)).containsExactlyInAnyOrder("CODE_128 " + COI_DATA, "CODE_128 " + DIN_DATA);
    }

    @Test
    void theFixtureIdentifiersAreWhatTheLabelsMustCarry() {
        assertThat(COI.barcodeData()).isEqualTo(COI_DATA);
        assertThat(DIN.barcodeData()).isEqualTo(DIN_DATA);
        assertThat(COI.checkCharacter()).isEqualTo('4');
        assertThat(DIN.checkCharacter()).isEqualTo('N');
    }

    @ParameterizedTest
    @EnumSource(value = LabelKind.class, names = {"COLLECTION_BAG", "SHIPPER"})
    void thePdfShowsTheIdentifiersWithCheckCharactersProductDateAndAutologousUse(LabelKind kind) {
        String text = pdfText(renderer.pdf(LabelFixtures.label(kind)));
        assertThat(text).containsPattern("COI\\s*" + Pattern.quote("CH G1234 26 A1B2C3") + "\\s*4");
        assertThat(text).containsPattern("DIN\\s*" + Pattern.quote("G1234 26 000042") + "\\s*N");
        assertThat(text).contains("FOR AUTOLOGOUS USE ONLY", "Kymriah (tisagenlecleucel)", "26-Nov-2026");
        assertThat(text).doesNotContain("REPRINT");
    }

    @Test
    void theCheckCharacterIsDrawnInABox() {
        LabelSheet sheet = renderer.layout(LabelFixtures.label(LabelKind.COLLECTION_BAG));
        assertThat(sheet.elements()).filteredOn(LabelElement.EyeReadable.class::isInstance)
                .extracting(e -> ((LabelElement.EyeReadable) e).checkCharacter())
                .containsExactly('4', 'N');
    }

    @ParameterizedTest
    @EnumSource(value = LabelKind.class, names = {"COLLECTION_BAG", "SHIPPER"})
    void labelsThatGoToTheManufacturerNeverShowThePatientEvenWhenGivenIt(LabelKind kind) {
        LabelContent content = LabelFixtures.withPatient(kind);
        String text = pdfText(renderer.pdf(content));
        assertThat(text).contains("CH G1234 26 A1B2C3");
        assertThat(text).doesNotContainIgnoringCase("SMITH").doesNotContainIgnoringCase("Jane")
                .doesNotContain("943 476 5919").doesNotContain("9434765919")
                .doesNotContain("14-Mar-1985").doesNotContain("1985").doesNotContain("DOB").doesNotContain("NHS");
        // The PNG is drawn from the same layout, so nothing in it carries the patient either.
        assertThat(printedText(renderer.layout(content))).noneMatch(line -> line.contains("SMITH")
                || line.contains("943") || line.contains("1985"));
    }

    @Test
    void theWristbandShowsWhoThePatientIsAndNothingOfTheProduct() {
        String text = pdfText(renderer.pdf(LabelFixtures.label(LabelKind.PATIENT_WRISTBAND)));
        assertThat(text).contains("SMITH, Jane", "NHS No  943 476 5919", "DOB  14-Mar-1985", WRISTBAND_DATA);
        assertThat(text).doesNotContain("CH G1234 26 A1B2C3").doesNotContain("G1234 26 000042").doesNotContain("COI")
                .doesNotContain("DIN").doesNotContain("Kymriah");
    }

    /**
     * The wristband's symbols, read by ZXing from the rendered image, carry the patient's own identifiers (NHS number
     * and date of birth) and never a COI or DIN, so the product bag can never pass for the wristband, nor it for the bag.
     */
    @Test
    void theWristbandSymbolsDecodeToThePatientsIdentifiersAndNeverToACoiOrDin() {
        LabelContent content = LabelFixtures.label(LabelKind.PATIENT_WRISTBAND);
        List<String> decoded = decodePlaced(content);
        assertThat(decoded).containsExactlyInAnyOrder("CODE_128 " + WRISTBAND_DATA, "DATA_MATRIX " + WRISTBAND_DATA);
        assertThat(decodeWhole(image(renderer.png(content)))).containsExactly("CODE_128 " + WRISTBAND_DATA);
        for (String symbol : decoded) {
            String data = symbol.substring(symbol.indexOf(' ') + 1);
            ScannedIdentifier read = ScannedIdentifier.read(data);
            assertThat(read).isInstanceOfSatisfying(ScannedIdentifier.Wristband.class, w -> {
                assertThat(w.code().nhsNumber().value()).isEqualTo(LabelFixtures.PATIENT.nhsNumber());
                assertThat(w.code().dateOfBirth()).isEqualTo(LabelFixtures.PATIENT.dateOfBirth());
            });
            assertThat(data).doesNotContain(COI.content()).doesNotContain(DIN.value());
        }
        assertThat(renderer.layout(content).elements()).noneMatch(LabelElement.EyeReadable.class::isInstance);
    }

    @Test
    void aWristbandOfAPatientWithoutAnNhsNumberCarriesTheirHospitalNumber() {
        LabelContent content = new LabelContent(LabelKind.PATIENT_WRISTBAND, COI, DIN, LabelFixtures.PRODUCT,
                LabelFixtures.COLLECTED, new PatientIdentity("SMITH, Jane", null, "RJ12345", LocalDate.of(1985, 3, 14)),
                false, null);
        assertThat(decodePlaced(content)).containsExactlyInAnyOrder("CODE_128 PT-H-RJ12345-19850314",
                "DATA_MATRIX PT-H-RJ12345-19850314");
        assertThat(pdfText(renderer.pdf(content))).contains("Hosp No  RJ12345").doesNotContain("NHS No");
    }

    @ParameterizedTest
    @EnumSource(LabelKind.class)
    void aReprintSaysSoButNotWhy(LabelKind kind) {
        LabelContent reprint = LabelFixtures.reprint(kind, "label smudged by condensation");
        assertThat(pdfText(renderer.pdf(reprint))).contains("REPRINT").doesNotContain("smudged");
        assertThat(decodePlaced(reprint)).hasSize(kind == LabelKind.PATIENT_WRISTBAND ? 2 : 4);
    }

    @Test
    void imagesAre300DotsPerInchAtTheLabelsRealSize() {
        assertThat(size(renderer.png(LabelFixtures.label(LabelKind.COLLECTION_BAG)))).containsExactly(1181, 1181);
        assertThat(size(renderer.png(LabelFixtures.label(LabelKind.SHIPPER)))).containsExactly(1772, 1181);
        assertThat(size(renderer.png(LabelFixtures.label(LabelKind.PATIENT_WRISTBAND)))).containsExactly(2362, 354);
    }

    @Test
    void aPdfIsOnePageAtTheLabelsRealSize() throws IOException {
        PdfReader reader = new PdfReader(renderer.pdf(LabelFixtures.label(LabelKind.COLLECTION_BAG)));
        assertThat(reader.getNumberOfPages()).isEqualTo(1);
        // 1181 dots at 300 dpi is 283.44 pt; 100 mm is 283.46 pt.
        assertThat(reader.getPageSize(1).getWidth()).isCloseTo(283.46f, within(0.1f));
    }

    @Test
    void refusesContentThatCannotMakeASafeLabel() {
        assertThatThrownBy(() -> new LabelContent(LabelKind.PATIENT_WRISTBAND, COI, DIN, "Kymriah",
                LabelFixtures.COLLECTED, null, false, null))
                .hasMessage("a patient wristband needs the patient's identity");
        assertThatThrownBy(() -> new LabelContent(LabelKind.SHIPPER, COI, null, "Kymriah", LabelFixtures.COLLECTED,
                null, false, null)).hasMessage("a shipper label needs the DIN");
        assertThatThrownBy(() -> LabelFixtures.reprint(LabelKind.COLLECTION_BAG, " "))
                .hasMessage("a reprint needs a reason");
        assertThatThrownBy(() -> new LabelContent(LabelKind.COLLECTION_BAG, COI, DIN, " ", LabelFixtures.COLLECTED,
                null, false, null)).hasMessage("the product name is required");
    }

    @Test
    void refusesANameTheLabelFontsWouldMisprint() {
        LabelContent content = wristbandFor("ŁUKASIEWICZ, Jan");
        assertThatThrownBy(() -> renderer.pdf(content)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the patient's name has characters the label fonts cannot print");
    }

    @Test
    void shrinksALongNameToFitButNeverBelowReadable() {
        String longName = "HARGREAVES-WORTHINGTON, Alexandra Josephine";
        assertThat(pdfText(renderer.pdf(wristbandFor(longName)))).contains(longName);
        assertThatThrownBy(() -> renderer.png(wristbandFor(longName.repeat(3))))
                .hasMessage("the patient's name is too long to print legibly on this label");
    }

    @Test
    void patientIdentityKeepsItselfOutOfLogs() {
        assertThat(LabelFixtures.PATIENT.toString()).isEqualTo("PatientIdentity[redacted]");
    }

    private static List<String> printedText(LabelSheet sheet) {
        List<String> lines = new ArrayList<>();
        for (LabelElement element : sheet.elements()) {
            if (element instanceof LabelElement.Text text) {
                lines.add(text.text());
            } else if (element instanceof LabelElement.EyeReadable eye) {
                lines.add(eye.caption() + " " + eye.text() + " " + eye.checkCharacter());
            } else if (element instanceof LabelElement.Banner banner) {
                lines.add(banner.text());
            }
        }
        return lines;
    }

    private static LabelContent wristbandFor(String name) {
        return new LabelContent(LabelKind.PATIENT_WRISTBAND, COI, DIN, LabelFixtures.PRODUCT, LabelFixtures.COLLECTED,
                new PatientIdentity(name, "9434765919", LabelFixtures.PATIENT.dateOfBirth()), false, null);
    }

    /**
     * Decodes every symbol the layout placed from the rendered PNG's pixels at its place, after checking
     * that its quiet zone (10 modules for Code 128, ISO/IEC 15417; 2 modules for DataMatrix) is clear.
     */
    private List<String> decodePlaced(LabelContent content) {
        BufferedImage image = image(renderer.png(content));
        List<String> decoded = new ArrayList<>();
        for (LabelElement element : renderer.layout(content).elements()) {
            if (element instanceof LabelElement.LinearSymbol bars) {
                int quiet = Symbols.CODE_128_QUIET_ZONE_MODULES * bars.moduleWidth();
                assertWhite(image, bars.x() - quiet, bars.y(), quiet, bars.height());
                assertWhite(image, bars.x() + bars.width(), bars.y(), quiet, bars.height());
                decoded.add(decode(image.getSubimage(bars.x() - quiet, bars.y(), bars.width() + 2 * quiet,
                        bars.height()), BarcodeFormat.CODE_128));
            } else if (element instanceof LabelElement.MatrixSymbol matrix) {
                int quiet = 2 * matrix.moduleSize();
                int x = matrix.x() - quiet;
                int y = matrix.y() - quiet;
                int side = matrix.size() + 2 * quiet;
                assertWhite(image, x, y, side, quiet);
                assertWhite(image, x, matrix.y() + matrix.size(), side, quiet);
                assertWhite(image, x, y, quiet, side);
                assertWhite(image, matrix.x() + matrix.size(), y, quiet, side);
                decoded.add(decode(image.getSubimage(x, y, side, side), BarcodeFormat.DATA_MATRIX));
            }
        }
        return decoded;
    }

    private static void assertWhite(BufferedImage image, int x, int y, int width, int height) {
        for (int i = x; i < x + width; i++) {
            for (int j = y; j < y + height; j++) {
                assertThat(image.getRaster().getSample(i, j, 0)).as("quiet-zone pixel %d,%d", i, j).isEqualTo(255);
            }
        }
    }

    private static String decode(BufferedImage image, BarcodeFormat format) {
        try {
            Result result = new MultiFormatReader().decode(bitmap(image), Map.of(
                    DecodeHintType.POSSIBLE_FORMATS, List.of(format)));
            return result.getBarcodeFormat() + " " + result.getText();
        } catch (NotFoundException e) {
            throw new AssertionError("no " + format + " symbol where the layout placed one", e);
        }
    }

    private static List<String> decodeWhole(BufferedImage image) {
        try {
            Result[] results = new GenericMultipleBarcodeReader(new MultiFormatReader()).decodeMultiple(bitmap(image),
                    Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.CODE_128),
                            DecodeHintType.TRY_HARDER, Boolean.TRUE));
            return Arrays.stream(results).map(r -> r.getBarcodeFormat() + " " + r.getText()).distinct().toList();
        } catch (NotFoundException e) {
            return List.of();
        }
    }

    private static BinaryBitmap bitmap(BufferedImage image) {
        return new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
    }

    private static BufferedImage image(byte[] png) {
        try {
            return ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Integer> size(byte[] png) {
        BufferedImage image = image(png);
        return List.of(image.getWidth(), image.getHeight());
    }

    private static String pdfText(byte[] pdf) {
        try {
            return new PdfTextExtractor(new PdfReader(pdf)).getTextFromPage(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
