package org.cartpath.custody;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cartpath.custody.CustodyFixtures.World;
import org.cartpath.custody.labels.LabelPrinting;
import org.cartpath.journey.Stage;
import org.cartpath.journey.TherapyCase;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.Http;
import org.cartpath.testing.IdentityFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The custody pages over real HTTP: each renders, each form refuses bad input and records what it should. */
@CartpathIntegrationTest
class CustodyPagesIT {

    private static final Pattern PRINT = Pattern.compile("/labels/prints/([0-9a-f-]{36})");

    @LocalServerPort
    int port;

    @Autowired
    CustodyFixtures fixtures;

    @Autowired
    LabelPrinting printing;

    @Autowired
    JdbcClient jdbc;

    World world;
    TherapyCase booked;
    Http nurse;

    @BeforeEach
    void aBookedCase() {
        world = fixtures.world();
        booked = fixtures.caseAt(world, Stage.SLOT_BOOKED);
        nurse = Http.signedIn(port, world.nurse().username(), IdentityFixtures.PASSWORD);
    }

    private String printCollectionLabel() {
        HttpResponse<String> printed = nurse.postForm("/cases/" + booked.id() + "/collections", Map.of());
        assertThat(printed.statusCode()).as(printed.body()).isEqualTo(302);
        String location = printed.headers().firstValue("Location").orElseThrow();
        Matcher m = PRINT.matcher(location);
        assertThat(m.find()).as(location).isTrue();
        return m.group(1);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table + " where case_id = ?").param(booked.id().value()).query(Long.class).single();
    }

    @Test
    void theNursePrintsACollectionLabelAndSeesItsPreviewAndPdf() {
        HttpResponse<String> casePage = nurse.get("/cases/" + booked.id());
        assertThat(casePage.statusCode()).isEqualTo(200);
        assertThat(casePage.body()).contains("data-testid=\"custody-panel\"", "Print the collection bag label");

        String printId = printCollectionLabel();
        HttpResponse<String> page = nurse.get("/cases/" + booked.id() + "/labels/prints/" + printId);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-testid=\"label-coi\"", "Collection bag label printed");
        HttpResponse<String> png = nurse.get("/cases/" + booked.id() + "/labels/collection-bag.png?print=" + printId);
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/png");
        HttpResponse<String> pdf = nurse.get("/cases/" + booked.id() + "/labels/collection-bag.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.body()).startsWith("%PDF");

        HttpResponse<String> after = nurse.get("/cases/" + booked.id());
        assertThat(after.body()).contains("data-testid=\"case-coi\"", "data-testid=\"custody-timeline\"", "Labelled");
    }

    @Test
    void aReprintNeedsAReasonAndIsMarkedAndAWristbandNeedsAValidIdentity() {
        printCollectionLabel();
        String bag = jdbc.sql("select id::text from custody_item where case_id = ?").param(booked.id().value()).query(String.class).single();
        HttpResponse<String> form = nurse.get("/cases/" + booked.id() + "/labels/collection-bag/new?bag=" + bag);
        assertThat(form.body()).contains("This is a reprint");
        long prints = count("custody_label_print");
        HttpResponse<String> noReason = nurse.postForm("/cases/" + booked.id() + "/labels/collection-bag", Map.of("bag", bag));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("give the reason for the reprint");
        assertThat(count("custody_label_print")).isEqualTo(prints);
        HttpResponse<String> reprint = nurse.postForm("/cases/" + booked.id() + "/labels/collection-bag",
                Map.of("bag", bag, "reason", "Smudged by the cold chain"));
        assertThat(reprint.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from custody_label_print where case_id = ? and reprint and reason = 'Smudged by the cold chain'")
                .param(booked.id().value()).query(Long.class).single()).isEqualTo(1);

        Map<String, String> wristband = new HashMap<>(Map.of("bag", bag, "patientName", "SMITH, Jane",
                "nhsNumber", "9434765918", "dateOfBirth", "2031-01-01"));
        HttpResponse<String> bad = nurse.postForm("/cases/" + booked.id() + "/labels/patient-wristband", wristband);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("check digit does not match", "not in the future");
        String nhsNumber = fixtures.patientOf(booked).nhsNumber();
        // a valid NHS number that is not the patient's is refused: the wristband must say who the record says
        wristband.put("nhsNumber", "943 476 5919");
        wristband.put("dateOfBirth", "2016-03-14");
        HttpResponse<String> wrongPatient = nurse.postForm("/cases/" + booked.id() + "/labels/patient-wristband", wristband);
        assertThat(wrongPatient.statusCode()).isEqualTo(422);
        assertThat(wrongPatient.body()).contains("is not the NHS number on the patient");
        // the form is filled from the patient's record
        assertThat(nurse.get("/cases/" + booked.id() + "/labels/patient-wristband/new?bag=" + bag).body())
                .contains(nhsNumber, "SMITH, Jane", "2016-03-14");
        wristband.put("nhsNumber", nhsNumber);
        assertThat(nurse.postForm("/cases/" + booked.id() + "/labels/patient-wristband", wristband).statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select patient_nhs_number from custody_label_print where case_id = ? and kind = 'PATIENT_WRISTBAND'")
                .param(booked.id().value()).query(String.class).single()).isEqualTo(nhsNumber);

        // the wristband renders (its read of the patient is logged, so not in a read-only transaction), and its
        // symbol is the patient's own: their NHS number and date of birth, never the case's COI
        String wristbandData = "PT-N-" + nhsNumber + "-20160314";
        HttpResponse<byte[]> png = nurse.download("/cases/" + booked.id() + "/labels/patient-wristband.png");
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(code128On(png.body())).containsExactly(wristbandData);
        HttpResponse<byte[]> pdf = nurse.download("/cases/" + booked.id() + "/labels/patient-wristband.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        String printed = nurse.get("/cases/" + booked.id() + "/labels/prints/" + jdbc.sql(
                "select id::text from custody_label_print where case_id = ? and kind = 'PATIENT_WRISTBAND'")
                .param(booked.id().value()).query(String.class).single()).body();
        assertThat(printed).contains("data-testid=\"label-wristband\"", wristbandData).doesNotContain("data-testid=\"label-coi\"");
    }

    /** Every Code 128 symbol on a label image, read as a scanner would (ZXing). */
    private static List<String> code128On(byte[] png) {
        try {
            java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
            com.google.zxing.Result[] symbols = new com.google.zxing.multi.GenericMultipleBarcodeReader(
                    new com.google.zxing.MultiFormatReader()).decodeMultiple(new com.google.zxing.BinaryBitmap(
                            new com.google.zxing.common.HybridBinarizer(
                                    new com.google.zxing.client.j2se.BufferedImageLuminanceSource(image))),
                    Map.of(com.google.zxing.DecodeHintType.POSSIBLE_FORMATS, List.of(com.google.zxing.BarcodeFormat.CODE_128),
                            com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE));
            return java.util.Arrays.stream(symbols).map(com.google.zxing.Result::getText).distinct().toList();
        } catch (java.io.IOException | com.google.zxing.NotFoundException e) {
            throw new AssertionError("the label could not be read", e);
        }
    }

    @Test
    void thePrintedWristbandOpensAsPdfAndPngAndEachOpeningIsLoggedAsARead() {
        printCollectionLabel();
        String bag = jdbc.sql("select id::text from custody_item where case_id = ?").param(booked.id().value())
                .query(String.class).single();
        Map<String, String> wristband = Map.of("bag", bag, "patientName", "SMITH, Jane",
                "nhsNumber", fixtures.patientOf(booked).nhsNumber(), "dateOfBirth", "2016-03-14");
        HttpResponse<String> printed = nurse.postForm("/cases/" + booked.id() + "/labels/patient-wristband", wristband);
        assertThat(printed.statusCode()).as(printed.body()).isEqualTo(302);
        String patient = booked.patientId().toString();
        long reads = jdbc.sql("select count(*) from data_access where entity_id = ? and purpose = 'wristband label'")
                .param(patient).query(Long.class).single();

        // rendering is a read of the patient's identity: its access-log row was written inside a read-only
        // transaction, which PostgreSQL refuses (a 500)
        HttpResponse<byte[]> pdf = nurse.download("/cases/" + booked.id() + "/labels/patient-wristband.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
        assertThat(new String(pdf.body(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF");
        HttpResponse<byte[]> png = nurse.download("/cases/" + booked.id() + "/labels/patient-wristband.png");
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/png");
        assertThat(jdbc.sql("select count(*) from data_access where entity_id = ? and purpose = 'wristband label'")
                .param(patient).query(Long.class).single()).isEqualTo(reads + 2);
    }

    @Test
    void aMismatchedScanOnTheScanPageIsAFullScreenHardStopThatQaOverridesWithASecondSignature() {
        printCollectionLabel();
        String bag = jdbc.sql("select id::text from custody_item where case_id = ?").param(booked.id().value()).query(String.class).single();
        HttpResponse<String> opened = nurse.postForm("/cases/" + booked.id() + "/verifications", Map.of("itemId", bag, "step", "COLLECTION"));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(302);
        String verification = opened.headers().firstValue("Location").orElseThrow().replaceAll(".*/verifications/", "");
        HttpResponse<String> scanPage = nurse.get("/verifications/" + verification);
        assertThat(scanPage.body()).contains("autofocus", "Scan the patient&#39;s wristband");

        HttpResponse<String> unreadable = nurse.postForm("/verifications/" + verification + "/scans", Map.of("scanned", "hello"));
        assertThat(unreadable.statusCode()).isEqualTo(400);
        assertThat(unreadable.body()).contains("not a COI");

        HttpResponse<String> stop = nurse.postForm("/verifications/" + verification + "/scans", Map.of("scanned", "&/CHG970126999999"));
        assertThat(stop.statusCode()).isEqualTo(422);
        assertThat(stop.body()).contains("STOP — do not proceed", "data-testid=\"hard-stop-expected\"").doesNotContain("override-form");
        // a COI where the wristband is asked for: the stop says what happened and what to scan instead
        assertThat(stop.body()).contains("That is a product/bag label, not the patient&#39;s wristband: scan the wristband"
                + " on the patient", "the wristband of this case&#39;s patient");
        String scanId = jdbc.sql("select id::text from custody_scan where case_id = ? and outcome = 'MISMATCH'")
                .param(booked.id().value()).query(String.class).single();
        assertThat(nurse.get("/cases/" + booked.id()).body()).contains("STOPPED: identity mismatch");

        Http qa = Http.signedIn(port, world.qa().username(), IdentityFixtures.PASSWORD);
        HttpResponse<String> hardStop = qa.get("/custody/hard-stops/" + scanId);
        assertThat(hardStop.body()).contains("data-testid=\"override-form\"");
        HttpResponse<String> noReason = qa.postForm("/custody/hard-stops/" + scanId + "/override", Map.of("password", IdentityFixtures.PASSWORD));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(qa.postForm("/custody/hard-stops/" + scanId + "/override",
                Map.of("reason", "Bag from the next bay picked up; returned", "password", IdentityFixtures.PASSWORD)).statusCode())
                .isEqualTo(302);
        HttpResponse<String> sameQa = qa.postForm("/custody/hard-stops/" + scanId + "/co-signature", Map.of("password", IdentityFixtures.PASSWORD));
        assertThat(sameQa.statusCode()).isEqualTo(422);
        assertThat(sameQa.body()).contains("a different person must co-sign");
        HttpResponse<String> wrongPassword = nurse.postForm("/custody/hard-stops/" + scanId + "/co-signature", Map.of("password", "nope"));
        assertThat(wrongPassword.statusCode()).isEqualTo(422);
        assertThat(nurse.postForm("/custody/hard-stops/" + scanId + "/co-signature", Map.of("password", IdentityFixtures.PASSWORD))
                .statusCode()).isEqualTo(302);
        assertThat(nurse.get("/cases/" + booked.id()).body()).contains("Identity override on record").doesNotContain("STOPPED");
    }

    @Test
    void theShipmentFormNamesOnlyTheBookedManufacturerAndSiteAndIgnoresAnotherOneSentWithTheForm() {
        World other = fixtures.world(); // another manufacturer, active in the directory
        CustodyScenario scenario = new CustodyScenario(port, world, booked, printing);
        scenario.verifyCollection();
        Http lab = Http.signedIn(port, world.lab().username(), IdentityFixtures.PASSWORD);
        HttpResponse<String> form = lab.get("/cases/" + booked.id() + "/shipments/new");
        assertThat(form.statusCode()).isEqualTo(200);
        String site = "Fixture site of " + world.manufacturer().name();
        assertThat(form.body()).contains("data-testid=\"booked-manufacturer\">" + world.manufacturer().name() + "<",
                "data-testid=\"booked-site\">" + site + "<", "re-books the case")
                .doesNotContain(other.manufacturer().name())
                .doesNotContain("<select class=\"nhsuk-select\" id=\"manufacturerOrganisationId\"");

        LocalDateTime departure = LocalDateTime.now().plusHours(2).truncatedTo(ChronoUnit.MINUTES);
        HttpResponse<String> registered = lab.postForm("/cases/" + booked.id() + "/shipments", Map.of(
                "bagIds", scenario.bagId(), "shipperId", "DS-PAGE-BOOKED",
                "manufacturerOrganisationId", other.manufacturer().id().toString(),
                "courierOrganisationId", world.courier().id().toString(), "fromPlace", "Lab", "toPlace", site,
                "expectedDeparture", departure.toString(), "expectedArrival", departure.plusHours(20).toString()));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(302);
        assertThat(jdbc.sql("select destination_organisation_id from custody_shipment where case_id = ?")
                .param(booked.id().value()).query(java.util.UUID.class).single())
                .as("the booked manufacturer, whatever the form sent").isEqualTo(world.manufacturer().id().value());
        String shipment = registered.headers().firstValue("Location").orElseThrow().replaceAll(".*/shipments/", "");
        assertThat(lab.get("/shipments/" + shipment).body()).contains("data-testid=\"destination-site\">" + site + "<");
    }

    @Test
    void aCaseWithoutABookingIsToldToBookAManufacturingSlotFirstAndOffersNoShipment() {
        TherapyCase unbooked = fixtures.caseAt(world, Stage.PANEL_APPROVED);
        Http lab = Http.signedIn(port, world.lab().username(), IdentityFixtures.PASSWORD);
        HttpResponse<String> form = lab.get("/cases/" + unbooked.id() + "/shipments/new");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("data-testid=\"no-booking\"", "Book a manufacturing slot first")
                .doesNotContain("data-testid=\"register-shipment\"").doesNotContain(world.manufacturer().name());
    }

    @Test
    void theShipmentFormRefusesNonsenseAndTheShipmentPageShowsLegsAndTheProfile() {
        CustodyScenario scenario = new CustodyScenario(port, world, booked, printing);
        scenario.verifyCollection();
        Http lab = Http.signedIn(port, world.lab().username(), IdentityFixtures.PASSWORD);
        HttpResponse<String> form = lab.get("/cases/" + booked.id() + "/shipments/new");
        assertThat(form.body()).contains(world.manufacturer().name(), world.courier().name(), scenario.bagLabel.din().eyeReadable());

        LocalDateTime departure = LocalDateTime.now().plusHours(2).truncatedTo(ChronoUnit.MINUTES);
        Map<String, String> fields = new HashMap<>(Map.of("bagIds", scenario.bagId(), "shipperId", "ds 1",
                "manufacturerOrganisationId", world.manufacturer().id().toString(),
                "courierOrganisationId", world.courier().id().toString(), "fromPlace", "Lab", "toPlace", "Site",
                "expectedDeparture", departure.toString(), "expectedArrival", departure.minusHours(1).toString()));
        HttpResponse<String> refused = lab.postForm("/cases/" + booked.id() + "/shipments", fields);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("upper-case letters, digits and hyphens", "must be after the expected departure");
        assertThat(count("custody_shipment")).isZero();

        fields.put("shipperId", "DS-PAGE-1");
        fields.put("expectedArrival", departure.plusHours(20).toString());
        HttpResponse<String> registered = lab.postForm("/cases/" + booked.id() + "/shipments", fields);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(302);
        String shipment = registered.headers().firstValue("Location").orElseThrow().replaceAll(".*/shipments/", "");
        HttpResponse<String> page = lab.get("/shipments/" + shipment);
        assertThat(page.body()).contains("DS-PAGE-1", "at or below -150 °C", "No data-logger readings yet", "data-testid=\"hand-over-form\"");

        HttpResponse<String> wrongScan = lab.postForm("/shipments/" + shipment + "/hand-overs", Map.of("expectedVersion", "1",
                "toOrganisationId", world.courier().id().toString(), "place", "Bay 2", "scannedIdentifier", "not-a-code",
                "password", IdentityFixtures.PASSWORD));
        assertThat(wrongScan.statusCode()).isEqualTo(400);
        HttpResponse<String> handed = lab.postForm("/shipments/" + shipment + "/hand-overs", Map.of("expectedVersion", "1",
                "toOrganisationId", world.courier().id().toString(), "place", "Bay 2", "scannedIdentifier", scenario.coi(),
                "password", IdentityFixtures.PASSWORD));
        assertThat(handed.statusCode()).as(handed.body()).isEqualTo(302);
        assertThat(lab.get("/shipments/" + shipment).body()).contains("(in transit)");
    }

    @Test
    void locationsAlertsAndTheEventFormRender() {
        printCollectionLabel();
        assertThat(nurse.get("/custody/locations").body()).contains(booked.reference(), world.centre().name());
        Http coordinator = Http.signedIn(port, world.coordinator().username(), IdentityFixtures.PASSWORD);
        assertThat(coordinator.get("/custody/alerts").body()).contains("No open alerts");
        assertThat(nurse.get("/custody/alerts").statusCode()).isEqualTo(403);
        String bag = jdbc.sql("select id::text from custody_item where case_id = ?").param(booked.id().value()).query(String.class).single();
        assertThat(nurse.get("/custody-items/" + bag + "/events/new").body()).contains("Record an event", "Stored");
        HttpResponse<String> stored = nurse.postForm("/custody-items/" + bag + "/events", Map.of("type", "STORED",
                "place", "Freezer 2", "expectedVersion", "1"));
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(302);
        HttpResponse<String> stale = nurse.postForm("/custody-items/" + bag + "/events", Map.of("type", "STORED",
                "place", "Freezer 3", "expectedVersion", "1"));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("Reload the item");
    }

    @Test
    void anotherCentresStaffAndNonsenseIdsFindNothingAndChangeNothing() {
        String printId = printCollectionLabel();
        String bag = jdbc.sql("select id::text from custody_item where case_id = ?").param(booked.id().value()).query(String.class).single();
        World other = fixtures.world();
        Http stranger = Http.signedIn(port, other.nurse().username(), IdentityFixtures.PASSWORD);
        for (String path : java.util.List.of("/cases/" + booked.id() + "/labels/collection-bag.pdf",
                "/cases/" + booked.id() + "/labels/prints/" + printId, "/cases/" + booked.id() + "/labels/shipper/new?bag=" + bag,
                "/custody-items/" + bag + "/events/new", "/shipments/" + java.util.UUID.randomUUID())) {
            assertThat(stranger.get(path).statusCode()).as(path).isEqualTo(404);
        }
        assertThat(stranger.postForm("/cases/" + booked.id() + "/collections", Map.of()).statusCode()).isEqualTo(404);
        assertThat(stranger.postForm("/cases/" + booked.id() + "/verifications", Map.of("itemId", bag, "step", "COLLECTION"))
                .statusCode()).isEqualTo(404);
        assertThat(nurse.get("/cases/" + booked.id() + "/labels/sticker.pdf").statusCode()).isEqualTo(404);
        assertThat(nurse.get("/cases/" + booked.id() + "/labels/collection-bag.png?print=nonsense").statusCode()).isEqualTo(404);
        assertThat(nurse.get("/cases/" + booked.id() + "/labels/shipper.png").statusCode()).as("never printed").isEqualTo(404);
        assertThat(nurse.get("/verifications/" + java.util.UUID.randomUUID()).statusCode()).isEqualTo(404);
        assertThat(nurse.postForm("/cases/" + booked.id() + "/verifications", Map.of("itemId", bag, "step", "SOMETIME"))
                .statusCode()).isEqualTo(400);
        HttpResponse<String> first = nurse.postForm("/cases/" + booked.id() + "/verifications", Map.of("itemId", bag, "step", "COLLECTION"));
        HttpResponse<String> again = nurse.postForm("/cases/" + booked.id() + "/verifications", Map.of("itemId", bag, "step", "COLLECTION"));
        assertThat(again.headers().firstValue("Location")).as("starting a check twice continues the open one")
                .isEqualTo(first.headers().firstValue("Location"));
        Http otherCoordinator = Http.signedIn(port, other.coordinator().username(), IdentityFixtures.PASSWORD);
        assertThat(otherCoordinator.postForm("/custody/alerts/" + java.util.UUID.randomUUID() + "/acknowledgement", Map.of())
                .statusCode()).isEqualTo(404);
        assertThat(count("custody_item")).isEqualTo(1);
        assertThat(count("custody_verification")).isEqualTo(1);
    }
}
