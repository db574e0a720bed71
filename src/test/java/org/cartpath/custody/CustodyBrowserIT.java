package org.cartpath.custody;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.GenericMultipleBarcodeReader;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.cartpath.custody.CustodyFixtures.World;
import org.cartpath.custody.labels.LabelPrint;
import org.cartpath.custody.labels.LabelPrinting;
import org.cartpath.journey.Stage;
import org.cartpath.journey.TherapyCase;
import org.cartpath.testing.Browser;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.IdentityFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the apheresis nurse sees in Chromium: she prints the collection label, scans it (its bar code read from the
 * printed label's image and typed as a keyboard-wedge scanner types, then Enter) against the case and sees the
 * match; she scans another patient's label and sees the full-screen hard stop.
 */
@CartpathIntegrationTest
class CustodyBrowserIT {

    /** A submitted scan is a page load on a machine shared with other builds: give it longer than the default. */
    private static final LocatorAssertions.ContainsTextOptions AFTER_SUBMIT =
            new LocatorAssertions.ContainsTextOptions().setTimeout(20_000);

    @LocalServerPort
    int port;

    @Autowired
    CustodyFixtures fixtures;

    @Autowired
    LabelPrinting printing;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void theNursePrintsTheLabelScansItAgainstTheCaseThenScansAnotherPatientsLabelAndIsStopped() {
        World world = fixtures.world();
        TherapyCase booked = fixtures.caseAt(world, Stage.SLOT_BOOKED);
        TherapyCase otherPatient = fixtures.caseAt(world, Stage.SLOT_BOOKED);
        LabelPrint otherLabel = printing.newCollection(world.actor(world.secondNurse()), otherPatient.id(), "Bay 2");
        try (Browser.Tab tab = Browser.newPage()) {
            Page page = tab.page();
            page.navigate(url("/sign-in"));
            page.getByLabel("Username").fill(world.nurse().username());
            page.getByLabel("Password").fill(IdentityFixtures.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();

            page.navigate(url("/cases/" + booked.id()));
            page.getByTestId("new-collection").click();
            assertThat(page.locator("h1")).containsText("Collection bag label printed");
            assertThat(page.getByTestId("label-preview")).isVisible();
            String coi = scanLabel(tab, page.getByTestId("label-preview").getAttribute("src"), "&/");
            assertThat(coi).startsWith("&/CH" + world.centre().fin());
            assertThat(page.getByTestId("label-coi")).hasText(coi.substring(2, 4) + " " + coi.substring(4, 9) + " "
                    + coi.substring(9, 11) + " " + coi.substring(11));
            assertThat(page.getByTestId("label-pdf")).hasAttribute("href", Pattern.compile("collection-bag\\.pdf\\?print="));

            // the patient's wristband, filled from their record: it carries the patient's own symbol, not the COI
            page.getByText("Back to the case").click();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Wristband").setExact(true)).click();
            page.getByTestId("print-label").click();
            assertThat(page.locator("h1")).containsText("Patient wristband label printed");
            String wristband = scanLabel(tab, page.getByTestId("label-preview").getAttribute("src"), "PT-N-");
            assertThat(wristband).isEqualTo("PT-N-" + fixtures.patientOf(booked).nhsNumber() + "-20160314");

            page.getByText("Back to the case").click();
            page.getByTestId("start-check").click();
            assertThat(page.locator("h1")).containsText("Collection check");
            assertThat(page.getByTestId("eye-check-name")).hasText("SMITH, Jane");
            assertThat(page.getByTestId("eye-check-born")).hasText("14-Mar-2016");
            assertThat(page.getByTestId("scan-input")).isFocused();
            page.keyboard().type(wristband);
            page.keyboard().press("Enter");
            assertThat(page.getByTestId("scan-match")).containsText("MATCH", AFTER_SUBMIT);
            assertThat(page.getByTestId("checklist")).containsText("✓ The patient's wristband");
            assertThat(page.getByTestId("scan-input")).isFocused();

            page.keyboard().type(otherLabel.coi().barcodeData());
            page.keyboard().press("Enter");
            assertThat(page.getByTestId("hard-stop")).containsText("STOP", AFTER_SUBMIT);
            assertThat(page.getByTestId("hard-stop")).containsText("STOP — do not proceed");
            assertThat(page.getByTestId("hard-stop-expected")).containsText(coiOf(coi));
            assertThat(page.getByTestId("hard-stop-scanned")).containsText(otherLabel.coi().eyeReadable());
            assertThat(page.getByTestId("override-form")).hasCount(0);

            page.getByTestId("hard-stop-back").click();
            assertThat(page.getByTestId("custody-stopped")).containsText("STOPPED: identity mismatch");
            // the hard stop is answered 422 on purpose (a refused step); Chromium logs that status, nothing else may appear
            assertThat(tab.consoleErrors()).as("no script or content-security-policy errors")
                    .allMatch(error -> error.equals("Failed to load resource: the server responded with a status of 422 ()"));
        }
    }

    private static String coiOf(String barcodeData) {
        String content = barcodeData.substring(2);
        return content.substring(0, 2) + " " + content.substring(2, 7) + " " + content.substring(7, 9) + " " + content.substring(9);
    }

    /** Reads the printed label as a scanner would: decodes every Code 128 symbol on its image, returns the one wanted. */
    private String scanLabel(Browser.Tab tab, String src, String prefix) {
        byte[] png = tab.context().request().get(url(src)).body();
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            Result[] symbols = new GenericMultipleBarcodeReader(new MultiFormatReader()).decodeMultiple(
                    new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                    Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.CODE_128), DecodeHintType.TRY_HARDER, Boolean.TRUE));
            return Arrays.stream(symbols).map(Result::getText).filter(text -> text.startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + prefix + " symbol on the label"));
        } catch (IOException | NotFoundException e) {
            throw new AssertionError("the label could not be read", e);
        }
    }
}
