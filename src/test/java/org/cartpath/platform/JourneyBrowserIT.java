package org.cartpath.platform;

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
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.SelectOption;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.cartpath.custody.CustodyFixtures;
import org.cartpath.identity.Organisation;
import org.cartpath.identity.OrganisationManagement;
import org.cartpath.journey.Stage;
import org.cartpath.journey.TherapyCase;
import org.cartpath.patient.PatientTestData;
import org.cartpath.testing.Browser;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.Http;
import org.cartpath.testing.IdentityFixtures;
import org.cartpath.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The whole journey's acceptance test: one new child (9 years, 25 kg, relapsed B-ALL, Kymriah) carried through the web pages
 * from referral to the first CRS assessment on the monitoring board, each demo person signing in as themselves in
 * their own browser context. Only the manufacturer's system (Novartis), the courier's system and the shipper's data
 * logger use the API, each with its own API token. At each step the test asserts what the person sees: their home
 * work queue lists the case, the case page offers their step.
 *
 * <p>Time: the apheresis is booked on a future day, so the application clock is moved to that day for the collection,
 * and a week further for the lymphodepletion days and the infusion; it is reset afterwards. Every person signs in
 * after each move, so no session outlives a jump of the clock.
 */
@CartpathIntegrationTest
class JourneyBrowserIT {

    private static final String PASSWORD = "cartpath-demo";
    private static final String NOVARTIS_TOKEN = "cpt_demonovartis_demo0novartis0manufacturing0token0a1";
    private static final String KITE_TOKEN = "cpt_demokite_demo0kite0manufacturing0token0b2c3d4e5";
    private static final String COURIER_TOKEN = "cpt_democourier_demo0courier0tracking0token0f6g7h8i9";
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    /** A submitted page on a machine shared with other builds: give it longer than the default. */
    private static final LocatorAssertions.ContainsTextOptions SLOW =
            new LocatorAssertions.ContainsTextOptions().setTimeout(20_000);

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    OrganisationManagement organisations;

    @Autowired
    CustodyFixtures custody;

    @AfterEach
    void resetTheClock() {
        clock.reset();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private Organisation demo(String name) {
        return organisations.directory().stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), LONDON);
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), LONDON).truncatedTo(ChronoUnit.MINUTES);
    }

    /** Moves the application clock forward to {@code day}, at the same time of day. */
    private void moveClockTo(LocalDate day) {
        long days = ChronoUnit.DAYS.between(today(), day);
        if (days > 0) {
            clock.advance(Duration.ofDays(days));
        }
    }

    @Test
    void aNewChildIsCarriedFromReferralToTheFirstCrsAssessmentByEachPersonOnTheirOwnPages() {
        String nhs = PatientTestData.nhsNumber();
        String familyName = "Journey" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "").toUpperCase();
        String childName = familyName.toUpperCase() + ", Isla";
        LocalDate born = today().minusYears(9).minusMonths(2);
        String site = "JOURNEY-" + Long.toString(System.nanoTime() % 100_000_000, 36).toUpperCase();
        String caseId;
        String patientId;
        String reference;

        // ---- the referrer (Leeds) registers the child and refers her to Great Ormond Street
        try (Browser.Tab tab = Browser.newPage()) {
            Page page = signIn(tab, "referrer");
            page.navigate(url("/referrals/new"));
            page.getByLabel("NHS number").fill(nhs);
            page.getByLabel("Given name").fill("Isla");
            page.getByLabel("Family name").fill(familyName);
            page.locator("[id='patient.dateOfBirth-day']").fill(String.valueOf(born.getDayOfMonth()));
            page.locator("[id='patient.dateOfBirth-month']").fill(String.valueOf(born.getMonthValue()));
            page.locator("[id='patient.dateOfBirth-year']").fill(String.valueOf(born.getYear()));
            page.getByLabel("Female").check();
            page.getByLabel("Diagnosis (optional)").selectOption("B_ALL");
            page.locator("[id='diagnosedOn-day']").fill("1");
            page.locator("[id='diagnosedOn-month']").fill("2");
            page.locator("[id='diagnosedOn-year']").fill(String.valueOf(today().getYear() - 4));
            page.locator("#indication").selectOption("B_ALL");
            // the product list reloads with the products licensed for B-ALL before one is chosen
            assertThat(page.locator("#productCode option[value='YESCARTA']")).hasCount(0);
            page.getByLabel("Proposed product").selectOption("KYMRIAH");
            page.getByLabel("Clinical summary").fill("Second relapse of B-ALL after UKALL 2011; CD19 positive; 25 kg.");
            page.getByLabel("Treatment centre").selectOption(new SelectOption().setLabel(
                    "Great Ormond Street Hospital for Children (London)"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send referral")).click();
            assertThat(page.getByTestId("referral-case-stage")).hasText("Referred");
            reference = page.locator("h1 .nhsuk-caption-l").textContent().replace("Referral ", "").strip();
            settle(tab);
        }

        // ---- the coordinator sees the referral in her queue and accepts it
        try (Browser.Tab tab = Browser.newPage()) {
            Page page = signIn(tab, "coordinator");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Worklist").setExact(true)).first().click();
            page.getByLabel("Case reference, patient name, NHS number or COI").fill(nhs);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();
            assertThat(page.getByTestId("worklist")).containsText(reference);
            assertThat(page.getByTestId("worklist")).containsText(childName);
            page.getByTestId("worklist").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(reference)).click();
            caseId = page.url().replaceAll(".*/cases/", "");
            patientId = page.getByTestId("case-patient").getAttribute("href").replaceAll(".*/patients/", "");
            action(page, "Triage the referral").click();
            page.getByLabel("Accept the referral").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record decision")).click();
            assertThat(page.getByTestId("case-stage")).hasText("Triaged");
            settle(tab);
        }

        // ---- the consultant records the clinical facts on the patient's pages, then assesses eligibility
        try (Browser.Tab tab = Browser.newPage()) {
            Page page = signIn(tab, "consultant");
            seesInQueue(page, reference, childName);
            page.navigate(url("/cases/" + caseId));
            page.getByTestId("case-patient").click();
            assertThat(page.locator("h1")).containsText(childName);
            LocalDate day = today().minusDays(2);

            recordFact(page, "Record disease status", p -> {
                date(p, "assessedOn", day);
                p.locator("#refractory-no").check();
                p.getByLabel("Number of relapses").fill("2");
                p.locator("#relapseAfterTransplant-no").check();
            }, "Disease status recorded");
            recordFact(page, "Record a line of therapy", p -> {
                p.getByLabel("Line number").fill("1");
                p.getByLabel("Regimen").fill("UKALL 2011 induction");
                date(p, "startedOn", today().minusYears(4));
                date(p, "endedOn", today().minusYears(2));
            }, "Line of therapy recorded");
            recordFact(page, "Record performance status", p -> {
                date(p, "assessedOn", day);
                p.locator("input[name=scale][value=LANSKY]").check();
                p.getByLabel("Score").fill("90");
            }, "Performance status recorded");
            recordFact(page, "Record organ function and laboratory results", p -> {
                date(p, "testedOn", day);
                p.getByLabel("Creatinine", new Page.GetByLabelOptions().setExact(true)).fill("35");
                p.locator("input[name=creatinineUnit][value=UMOL_PER_L]").check();
            }, "Organ function recorded");
            recordFact(page, "Record CNS status", p -> {
                p.locator("input[name=status][value=CNS1]").check();
                date(p, "assessedOn", day);
            }, "CNS status recorded");
            recordFact(page, "Record target antigen status", p -> {
                p.locator("input[name=antigen][value=CD19]").check();
                p.locator("input[name=result][value=POSITIVE]").check();
                date(p, "testedOn", day);
                p.getByLabel("Method (optional)").fill("flow cytometry of bone marrow");
            }, "Target antigen status recorded");
            recordFact(page, "Record weight and height", p -> {
                date(p, "measuredOn", day);
                p.getByLabel("Weight in kg").fill("25");
                p.getByLabel("Height in cm").fill("128");
            }, null);
            recordFact(page, "Record consent", p -> {
                p.getByLabel("CAR-T treatment").check();
                p.getByLabel("Given").check();
                date(p, "decidedOn", day);
                p.getByLabel("Signed consent form (optional)").setInputFiles(new FilePayload("consent.pdf",
                        "application/pdf", "%PDF-1.4\n% signed by both parents\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1)));
            }, "Consent recorded with the signed form");
            assertThat(page.getByTestId("latest")).containsText("25 kg");

            page.navigate(url("/cases/" + caseId));
            action(page, "Assess eligibility").click();
            assertThat(page.getByTestId("criteria").first()).containsText("NICE TA975");
            page.getByLabel("Confirm: eligible, the case proceeds to the national panel").check();
            page.getByLabel("Your password, to sign").fill(PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign and record")).click();
            assertThat(page.getByTestId("case-stage")).hasText("Eligibility assessed");
            settle(tab);
        }

        // ---- the panel member schedules a meeting (its own date) and chairs it; the coordinator submits the case
        String meetsOn = today().plusDays(ThreadLocalRandom.current().nextInt(60, 3000)).toString();
        String meetingId;
        try (Browser.Tab tab = Browser.newPage()) {
            Page page = signIn(tab, "panel.member");
            page.navigate(url("/panel-meetings"));
            page.getByTestId("schedule-form").getByLabel("Date").fill(meetsOn);
            page.getByTestId("schedule-form").getByRole(AriaRole.BUTTON,
                    new Locator.GetByRoleOptions().setName("Schedule")).click();
            assertThat(page.getByTestId("success")).containsText("Meeting scheduled");
            meetingId = page.url().substring(page.url().lastIndexOf('/') + 1);
            settle(tab);
        }
        try (Browser.Tab tab = Browser.newPage()) {
            Page page = signIn(tab, "coordinator");
            page.navigate(url("/cases/" + caseId));
            action(page, "Submit to the national panel").click();
            page.locator("input[name=meetingId][value='" + meetingId + "']").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit the case")).click();
            assertThat(page.getByTestId("success")).containsText("is on the panel's agenda");
            settle(tab);
        }
        try (Browser.Tab tab = Browser.newPage()) {
            Page page = signIn(tab, "panel.member");
            page.navigate(url("/panel-meetings/" + meetingId));
            page.getByTestId("attendance-form").locator("input[name=present]").first().check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record attendance")).click();
            assertThat(page.getByTestId("success")).containsText("Attendance recorded");
            settle(tab);
        }
        try (Browser.Tab tab = Browser.newPage()) {
            Page page = signIn(tab, "panel.member");
            page.navigate(url("/panel-meetings/" + meetingId + "/cases/" + caseId));
            assertThat(page.locator("body")).not().containsText(familyName);
            page.getByTestId("vote-form").getByLabel("Approve").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record my vote")).click();
            page.getByTestId("decision-form").getByLabel("Approve").check();
            page.getByLabel("Your password, to sign").fill(PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign and record the decision")).click();
            assertThat(page.getByTestId("success")).containsText("Decision recorded and signed: Approve");
            settle(tab);
        }

        // ---- the coordinator books from the calendar: the demo's Kymriah capacity is Novartis's site at Stein
        String siteName = "Stein, Switzerland (demo site)";
        LocalDate apheresisDay;
        try (Browser.Tab tab = Browser.newPage()) {
            Page page = signIn(tab, "coordinator");
            seesOnWorklist(page, reference, childName);
            page.navigate(url("/cases/" + caseId));
            action(page, "Book a manufacturing slot").click();
            Locator calendar = page.getByTestId("booking-calendar");
            assertThat(calendar).isVisible();
            // the first day with a free chair from which the cells reach a slot at Novartis's site
            List<String> bookable = calendar.locator("tr").filter(new Locator.FilterOptions()
                    .setHas(page.getByTestId("choose-day"))).all().stream().map(row -> row.getAttribute("data-day")).toList();
            assertThat(bookable).as("bookable apheresis days in the calendar").isNotEmpty();
            String bookingPage = page.url();
            java.util.function.Function<Page, Locator> stein = p -> p.locator(".nhsuk-radios__item")
                    .filter(new Locator.FilterOptions().setHasText(siteName)).locator("input[name=slotId]");
            apheresisDay = null;
            String seen = "";
            for (String day : bookable) {
                page.navigate(bookingPage + "?apheresisDate=" + day);
                assertThat(page.getByTestId("chairs")).containsText("apheresis chairs free");
                if (stein.apply(page).count() > 0) {
                    apheresisDay = LocalDate.parse(day);
                    break;
                }
                seen = page.locator("body").innerText();
            }
            assertThat(apheresisDay).as("a day from which the cells reach a slot; the last day's page: " + seen)
                    .isNotNull();
            assertThat(page.getByTestId("booking-form")).containsText(siteName);
            // other tests' manufacturers may offer Kymriah too: the child goes to the demo's Novartis site
            stein.apply(page).first().check();
            page.getByTestId("book").click();
            assertThat(page.getByTestId("success")).containsText("Slot booked");
            assertThat(page.getByTestId("case-stage")).hasText("Slot booked");
            assertThat(page.getByTestId("booked-slot")).containsText(siteName);
            settle(tab);
        }

        // ---- (failure path) a collection before the booked day
        if (apheresisDay.isAfter(today())) {
            try (Browser.Tab tab = Browser.newPage()) {
                Page page = signIn(tab, "apheresis.nurse");
                page.navigate(url("/cases/" + caseId));
                // the label is not printed before the booked apheresis day without a signed reason, and nothing is
                // recorded: the case still offers its first collection label
                page.getByTestId("new-collection").click();
                assertThat(page.locator(".nhsuk-error-summary")).containsText("booked apheresis day");
                page.navigate(url("/cases/" + caseId));
                assertThat(page.getByTestId("new-collection")).hasText("Print the collection bag label");
                settle(tab);
            }
        }

        // ---- the apheresis day: the nurse prints the labels and the wristband, and the two-person collection check
        moveClockTo(apheresisDay);
        String coi;
        String din;
        String outbound;
        String wristband;
        try (Browser.Tab tab = Browser.newPage()) {
            Page page = signIn(tab, "apheresis.nurse");
            seesInQueue(page, reference, childName);
            page.navigate(url("/cases/" + caseId));
            page.getByTestId("new-collection").click();
            assertThat(page.locator("h1")).containsText("Collection bag label printed");
            Map<String, String> symbols = scanLabel(tab, page.getByTestId("label-preview").getAttribute("src"));
            coi = symbols.get("&/");
            din = symbols.get("=");
            assertThat(coi).as("the COI on the bag label").startsWith("&/CH");
            assertThat(din).as("the DIN on the bag label").isNotNull();

            page.getByText("Back to the case").click();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Wristband").setExact(true)).click();
            page.getByTestId("print-label").click();
            assertThat(page.locator("h1")).containsText("Patient wristband label printed");
            wristband = scanLabel(tab, page.getByTestId("label-preview").getAttribute("src")).get("PT-N-");
            assertThat(wristband).isEqualTo("PT-N-" + nhs + "-" + born.format(DateTimeFormatter.BASIC_ISO_DATE));

            page.getByText("Back to the case").click();
            page.getByTestId("start-check").click();
            assertThat(page.locator("h1")).containsText("Collection check");
            assertThat(page.getByTestId("eye-check-name")).hasText(childName);
            scanAll(page, wristband, coi, din);
            sign(page);
            assertThat(page.locator("body")).containsText("Waiting for a second person", SLOW);
            settle(tab);
        }
        try (Browser.Tab tab = Browser.newPage()) {
            Page page = signIn(tab, "cell.lab");
            page.navigate(url("/cases/" + caseId));
            page.locator("[data-testid=witness-check], [data-testid=open-check]").first().click();
            assertThat(page.getByTestId("check-person")).containsText("Second check");
            scanAll(page, wristband, coi, din);
            sign(page);
            assertThat(page.getByTestId("success")).containsText("is complete: two people scanned and signed", SLOW);

            // ---- the laboratory sends the cells to the manufacturer the booking names
            page.navigate(url("/cases/" + caseId));
            assertThat(page.getByTestId("case-stage")).hasText("Cells collected");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Send cells to the manufacturer")).click();
            page.locator("input[name=bagIds]").first().check();
            page.getByLabel("Shipper id").fill("DS-" + site);
            Locator manufacturer = page.locator("#manufacturerOrganisationId");
            if (manufacturer.count() > 0 && "select".equals(manufacturer.evaluate("e => e.tagName.toLowerCase()"))) {
                manufacturer.selectOption(new SelectOption().setLabel("Novartis Cell Therapy (demo)"));
            }
            page.locator("#courierOrganisationId").selectOption(new SelectOption().setLabel("Cryo Logistics (demo courier)"));
            page.getByLabel("Collected from").fill("Cell therapy laboratory");
            page.getByLabel("Delivered to").fill(siteName);
            page.getByLabel("Expected collection").fill(now().plusHours(1).format(LOCAL));
            page.getByLabel("Expected delivery").fill(now().plusHours(21).format(LOCAL));
            page.getByTestId("register-shipment").click();
            assertThat(page).hasURL(Pattern.compile(".*/shipments/[0-9a-f-]+$"));
            outbound = page.url().replaceAll(".*/shipments/", "");
            assertThat(page.locator("body")).containsText("Novartis Cell Therapy (demo)");
            settle(tab);
        }
        Organisation gosh = demo("Great Ormond Street Hospital for Children");
        Organisation novartis = demo("Novartis Cell Therapy (demo)");
        Organisation courier = demo("Cryo Logistics (demo courier)");
        Http courierSystem = Http.token(port, COURIER_TOKEN);
        Http novartisSystem = Http.token(port, NOVARTIS_TOKEN);
        Http kiteSystem = Http.token(port, KITE_TOKEN);

        // ---- the courier's system: hand-over and departure; the data logger reports; Novartis receives
        ok(courierSystem.postJson("/api/v1/shipments/" + outbound + "/hand-overs", Map.of(
                "fromOrganisationId", gosh.id().toString(), "toOrganisationId", courier.id().toString(),
                "place", "Cell therapy laboratory loading bay", "expectedVersion", 1, "scannedIdentifier", coi)));
        ok(courierSystem.postJson("/api/v1/shipments/" + outbound + "/departures", Map.of("leg", 1, "expectedVersion", 2)));
        StringBuilder readings = new StringBuilder("logger_id,read_at,celsius\n");
        for (int minute = 0; minute < 30; minute++) {
            readings.append("LOG-").append(site).append(',').append(clock.instant().minus(30 - minute, ChronoUnit.MINUTES)
                    .truncatedTo(ChronoUnit.SECONDS)).append(",-185\n");
        }
        ok(courierSystem.send("POST", "/api/v1/shippers/DS-" + site + "/temperature-readings", "text/csv", readings.toString()));
        ok(novartisSystem.postJson("/api/v1/shipments/" + outbound + "/receipts", Map.of(
                "place", "Manufacturing site goods-in", "expectedVersion", 3, "scannedIdentifier", coi)));
        ok(novartisSystem.postJson("/api/v1/cases/" + caseId + "/manufacturing-reports", Map.of(
                "status", "MATERIAL_RECEIVED", "expectedReleaseOn", today().plusDays(21).toString())));
        ok(novartisSystem.postJson("/api/v1/cases/" + caseId + "/manufacturing-reports", Map.of(
                "status", "MANUFACTURING_STARTED", "expectedReleaseOn", today().plusDays(21).toString())));

        // ---- (failure path) another manufacturer's system may neither read nor report on this case
        // One manufacturer per attempt (ADR 18): Kite, which holds no booking of this case, is refused (404). Each answer
        // that is not a refusal is listed as a gap and fails the test at its end, after the rest of the journey has run;
        // Kite only reads and repeats a harmless status, so that the journey's own custody is not disturbed if it were
        // wrongly allowed.
        for (HttpResponse<String> kite : List.of(
                kiteSystem.get("/api/v1/shipments/" + outbound),
                kiteSystem.get("/api/v1/cases/" + caseId + "/manufacturing-reports"),
                kiteSystem.postJson("/api/v1/cases/" + caseId + "/manufacturing-reports", Map.of(
                        "status", "MANUFACTURING_STARTED", "expectedReleaseOn", today().plusDays(21).toString())))) {
            if (kite.statusCode() != 404) {
                gaps.add("One manufacturer per attempt: Kite's token on a case booked at Novartis was answered "
                        + kite.statusCode() + " to " + kite.request().method() + " " + kite.request().uri().getPath());
            }
        }

        // ---- Novartis releases the lot with its certificate and ships it back; the courier carries it
        String lot = "LOT-" + site;
        Map<String, Object> certificate = new HashMap<>();
        certificate.put("lotNumber", lot);
        certificate.put("doseCells", 110_000_000);
        certificate.put("viabilityPercent", 86);
        certificate.put("volumeMl", 10);
        certificate.put("bags", 1);
        certificate.put("expiresOn", today().plusMonths(11).toString());
        ok(novartisSystem.postJson("/api/v1/cases/" + caseId + "/product-lots", certificate));
        Map<String, Object> back = new HashMap<>();
        back.put("caseId", caseId);
        back.put("direction", "TO_CENTRE");
        back.put("shipperId", "DS-" + site + "-B");
        back.put("place", "Manufacturing site dispatch");
        back.put("productBags", List.of(Map.of("lot", lot, "bagNumber", 1)));
        back.put("legs", List.of(Map.of("fromPlace", siteName, "toPlace", "Cell therapy laboratory",
                "courierOrganisationId", courier.id().toString(),
                "expectedDeparture", clock.instant().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString(),
                "expectedArrival", clock.instant().plus(20, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString())));
        JsonNode returned = Http.json(ok(novartisSystem.postJson("/api/v1/shipments", back)));
        String inbound = returned.get("id").asText();
        ok(courierSystem.postJson("/api/v1/shipments/" + inbound + "/hand-overs", Map.of(
                "fromOrganisationId", novartis.id().toString(), "toOrganisationId", courier.id().toString(),
                "place", "Site dock", "expectedVersion", 1, "scannedIdentifier", coi)));
        ok(courierSystem.postJson("/api/v1/shipments/" + inbound + "/departures", Map.of("leg", 1, "expectedVersion", 2)));

        // ---- the laboratory receives the shipper and makes the receipt check with the pharmacist
        try (Browser.Tab tab = Browser.newPage()) {
            Page page = signIn(tab, "cell.lab");
            seesInQueue(page, reference, childName);
            page.navigate(url("/shipments/" + inbound));
            Locator receipt = page.getByTestId("receipt-form");
            receipt.getByLabel("Where").fill("Cell therapy laboratory goods-in");
            receipt.getByLabel("Scan the COI on the shipper").fill(coi);
            receipt.getByLabel("Your password (electronic signature)").fill(PASSWORD);
            receipt.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Receive")).click();
            assertThat(page.getByTestId("receipt-form")).hasCount(0);

            page.navigate(url("/cases/" + caseId));
            assertThat(page.getByTestId("case-stage")).hasText("Product released");
            page.getByTestId("start-check").first().click();
            assertThat(page.locator("h1")).containsText("Receipt check");
            scanAll(page, wristband, coi, din);
            sign(page);
            assertThat(page.locator("body")).containsText("Waiting for a second person", SLOW);
            settle(tab);
        }
        try (Browser.Tab tab = Browser.newPage()) {
            Page page = signIn(tab, "pharmacist");
            witness(page, caseId, wristband, coi, din);
            page.navigate(url("/cases/" + caseId));
            assertThat(page.getByTestId("case-stage")).hasText("Product received");
            settle(tab);
        }

        // ---- QA checks the lot against the label and accepts it
        try (Browser.Tab tab = Browser.newPage()) {
            Page page = signIn(tab, "qa.lead");
            seesInQueue(page, reference, childName);
            openCase(page, caseId, "qa.lead");
            page.getByTestId("check-lot").click();
            page.getByLabel("Your password (to sign)").fill(PASSWORD);
            page.getByTestId("accept-lot").click();
            assertThat(page.getByTestId("success")).containsText("The lot has been accepted.");
            assertThat(page.getByTestId("accept-lot")).hasCount(0);
            settle(tab);
        }

        // ---- the pharmacist counts tocilizumab, plans lymphodepletion from tomorrow and verifies it
        LocalDate ldFirstDay = today().plusDays(1);
        try (Browser.Tab tab = Browser.newPage()) {
            Page page = signIn(tab, "pharmacist");
            seesInQueue(page, reference, childName);
            page.navigate(url("/cases/" + caseId + "/tocilizumab"));
            page.getByLabel("Doses held on site for this patient").fill("2");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the count")).click();
            assertThat(page.locator("body")).containsText("Counted");

            openCase(page, caseId, "pharmacist");
            action(page, "Plan lymphodepletion").click();
            page.getByLabel("First day of lymphodepletion (or day 0 for regimens dated from the infusion)")
                    .fill(ldFirstDay.toString());
            page.getByTestId("calculate-plan").click();
            assertThat(page.getByTestId("success")).containsText("The plan has been calculated");
            assertThat(page.getByTestId("ld-doses").locator("tbody tr")).hasCount(6);
            page.getByLabel("Your password (to sign)").fill(PASSWORD);
            page.getByTestId("verify-plan").click();
            assertThat(page.getByTestId("plan-verified")).isVisible();
            settle(tab);
        }

        // ---- a week later: the ward nurse records the course, the checklist, the bedside check and the infusion
        moveClockTo(ldFirstDay.plusDays(6));
        try (Browser.Tab tab = Browser.newPage()) {
            Page page = signIn(tab, "ward.nurse");
            // the pharmacist's verified plan asked the ward for the doses: "Give lymphodepletion doses" is in her queue
            seesInQueue(page, reference, childName);
            openCase(page, caseId, "ward.nurse");
            action(page, "Record lymphodepletion doses").click();
            Locator recordButtons = page.locator("[data-testid^='record-']");
            assertThat(recordButtons).hasCount(6);
            List<String> keys = recordButtons.all().stream()
                    .map(button -> button.getAttribute("data-testid").substring("record-".length())).toList();
            for (String key : keys) {
                page.getByTestId("record-" + key).click();
                assertThat(page.getByTestId("dose-" + key)).containsText("Given");
            }
            assertThat(page.getByTestId("ld-complete")).isVisible();

            page.navigate(url("/cases/" + caseId + "/pre-infusion-checklist"));
            Locator ticks = page.locator("[data-testid^='tick-']");
            assertThat(page.getByTestId("checklist-open")).isVisible();
            List<String> items = ticks.all().stream()
                    .map(tick -> tick.getAttribute("data-testid").substring("tick-".length())).toList();
            for (String item : items) {
                page.getByTestId("tick-" + item).click();
                assertThat(page.locator("tr[data-item='" + item + "']")).containsText("Ticked by Ben Carter");
            }
            assertThat(page.getByTestId("checklist-complete")).isVisible();

            page.navigate(url("/cases/" + caseId));
            page.getByTestId("start-check").first().click();
            assertThat(page.locator("h1")).containsText("Bedside check");
            assertThat(page.getByTestId("eye-check-name")).hasText(childName);
            scanAll(page, wristband, coi, din);
            sign(page);
            assertThat(page.locator("body")).containsText("Waiting for a second person", SLOW);
            settle(tab);
        }
        try (Browser.Tab tab = Browser.newPage()) {
            Page page = signIn(tab, "consultant");
            witness(page, caseId, wristband, coi, din);
            settle(tab);
        }
        // the infusion begins after the bedside check: half an hour later the nurse records it, begun ten minutes after
        clock.advance(Duration.ofMinutes(30));
        try (Browser.Tab tab = Browser.newPage()) {
            Page page = signIn(tab, "ward.nurse");
            page.navigate(url("/cases/" + caseId + "/infusion"));
            assertThat(page.getByTestId("infusion-ready")).isVisible();
            page.getByLabel("Infusion started").fill(now().minusMinutes(20).format(LOCAL));
            page.getByLabel("Infusion ended").fill(now().minusMinutes(5).format(LOCAL));
            page.getByLabel("Your password (to sign)").fill(PASSWORD);
            page.getByTestId("record-infusion").click();
            page.waitForLoadState(LoadState.DOMCONTENTLOADED);
            assertThat(page.locator(".nhsuk-error-summary").allInnerTexts()).as("the infusion form's errors").isEmpty();
            assertThat(page).hasURL(url("/monitoring"));
            assertThat(page.locator("tr[data-case='" + reference + "']")).hasCount(1);

            // ---- the first CRS assessment, which shows on the monitoring board
            page.navigate(url("/cases/" + caseId));
            assertThat(page.getByTestId("case-stage")).hasText("Monitoring");
            action(page, "Record an assessment").click();
            page.getByLabel("Temperature (°C)").fill("38.4");
            page.getByLabel("Oxygen device").selectOption("NONE");
            for (int item = 1; item <= 8; item++) {
                page.locator("label[for=capd" + item + "-" + (item <= 4 ? "ALWAYS" : "NEVER") + "]").click();
            }
            page.locator("label[for=consciousness-AWAKENS_SPONTANEOUSLY]").click();
            page.locator("label[for=seizure-NONE]").click();
            page.locator("label[for=cerebralEdema-NONE]").click();
            page.getByTestId("save-assessment").click();
            page.waitForLoadState(LoadState.DOMCONTENTLOADED);
            org.assertj.core.api.Assertions.assertThat(page.locator(".nhsuk-error-summary").allInnerTexts())
                    .as("the assessment form's errors on " + page.url() + " (" + page.locator("h1").allInnerTexts() + ")")
                    .isEmpty();
            assertThat(page.getByTestId("crs-grade")).containsText("CRS grade 1", SLOW);
            page.navigate(url("/monitoring"));
            assertThat(page.locator("tr[data-case='" + reference + "']")).containsText("1");
            assertThat(tab.consoleErrors()).as("no script or CSP errors").isEmpty();
            settle(tab);
        }
        assertThat(gaps).as("what each person should have seen, and what another manufacturer should have been refused")
                .isEmpty();
    }

    /**
     * The failure path of item 1, on a throwaway case of its own so that the journey above needs no QA override: at
     * the collection check the nurse scans the bag's own COI where the patient's wristband is asked for. That is a hard
     * stop with a clear message, and the case stays stopped.
     */
    @Test
    void theBagsCoiScannedWhereTheWristbandIsAskedForIsAHardStop() {
        CustodyFixtures.World world = custody.world();
        TherapyCase booked = custody.caseAt(world, Stage.SLOT_BOOKED);
        try (Browser.Tab tab = Browser.newPage()) {
            Page page = tab.page();
            page.navigate(url("/sign-in"));
            page.getByLabel("Username").fill(world.nurse().username());
            page.getByLabel("Password").fill(IdentityFixtures.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            assertThat(page).hasURL(url("/"));

            page.navigate(url("/cases/" + booked.id()));
            page.getByTestId("new-collection").click();
            String coi = scanLabel(tab, page.getByTestId("label-preview").getAttribute("src")).get("&/");
            assertThat(coi).as("the COI on the bag label").startsWith("&/CH");
            page.getByText("Back to the case").click();
            page.getByTestId("start-check").click();
            assertThat(page.locator("label[for=scanned]")).containsText("wristband");
            page.getByTestId("scan-input").focus();
            page.keyboard().type(coi);
            page.keyboard().press("Enter");

            assertThat(page.getByTestId("hard-stop")).containsText("STOP — do not proceed", SLOW);
            assertThat(page.getByTestId("hard-stop")).containsText("That is a product/bag label, not the patient's wristband");
            assertThat(page.getByTestId("hard-stop-expected")).containsText("the wristband of this case's patient");
            page.getByTestId("hard-stop-back").click();
            assertThat(page.getByTestId("custody-stopped")).containsText("STOPPED: identity mismatch");
            settle(tab);
        }
    }

    // ------------------------------------------------------------------ helpers

    private Page signIn(Browser.Tab tab, String username) {
        Page page = tab.page();
        page.navigate(url("/sign-in"));
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page).hasURL(url("/"));
        return page;
    }

    /** What each person did not see on their home page, reported together at the end. */
    private final List<String> gaps = new java.util.ArrayList<>();

    /** The person's home work queue lists the case with the child's name. */
    /** The coordinator's worklist finds the case and names the child beside it. */
    private void seesOnWorklist(Page page, String reference, String childName) {
        page.navigate(url("/worklist?q=" + reference));
        assertThat(page.locator("tbody tr").filter(new Locator.FilterOptions().setHasText(reference)))
                .containsText(childName);
    }

    private void seesInQueue(Page page, String reference, String childName) {
        page.waitForLoadState(LoadState.DOMCONTENTLOADED);
        Locator task = page.getByTestId("queued-task").filter(new Locator.FilterOptions().setHasText(reference));
        // a queue shows its 10 most urgent tasks: when other cases of the demo centre fill it, a newer task is rightly
        // below them, so only a queue with room must show this child's task
        boolean full = page.getByTestId("queued-task").count() >= 10;
        if ((task.count() == 0 && !full) || (task.count() > 0 && !task.first().textContent().contains(childName))) {
            gaps.add(page.locator("[data-testid^='work-queue-']").count() + " queue(s), "
                    + reference + " not in the home queue; queues: "
                    + page.locator("[data-testid^='work-queue-']").allTextContents().toString().replaceAll("\\s+", " "));
        }
    }

    /** Opens the case page, which must answer without an error for every person on the journey. */
    private void openCase(Page page, String caseId, String who) {
        com.microsoft.playwright.Response response = page.navigate(url("/cases/" + caseId));
        org.assertj.core.api.Assertions.assertThat(response == null ? 0 : response.status())
                .as("the case page for " + who).isBetween(200, 399);
    }

    /** One of the case page's "What you can do next" buttons. */
    private static Locator action(Page page, String name) {
        return page.getByTestId("case-actions").getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    private interface Form {
        void fill(Page page);
    }

    /** From the patient's page: follows a "Record …" link, fills the form, records and lands back on the patient. */
    private static void recordFact(Page page, String link, Form form, String success) {
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(link).setExact(true)).first().click();
        form.fill(page);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record").setExact(true)).click();
        if (success != null) {
            assertThat(page.getByTestId("success")).containsText(success);
        }
        assertThat(page.locator(".nhsuk-error-summary")).hasCount(0);
    }

    private static void date(Page page, String name, LocalDate day) {
        page.locator("[id='" + name + "-day']").fill(String.valueOf(day.getDayOfMonth()));
        page.locator("[id='" + name + "-month']").fill(String.valueOf(day.getMonthValue()));
        page.locator("[id='" + name + "-year']").fill(String.valueOf(day.getYear()));
    }

    /** Answers each prompt of a two-person check as a keyboard-wedge scanner types: the symbol it asks for, then Enter. */
    private static void scanAll(Page page, String wristband, String coi, String din) {
        assertThat(page.getByTestId("checklist")).isVisible();
        for (int scans = 0; scans < 5 && page.getByTestId("scan-input").count() > 0; scans++) {
            String prompt = page.locator("label[for=scanned]").textContent();
            String symbol = prompt.contains("wristband") ? wristband : prompt.contains("DIN") ? din : coi;
            Locator recorded = page.getByTestId("scans").locator("tbody tr");
            int before = recorded.count();
            page.getByTestId("scan-input").focus();
            page.keyboard().type(symbol);
            page.keyboard().press("Enter");
            assertThat(recorded).hasCount(before + 1, new LocatorAssertions.HasCountOptions().setTimeout(20_000));
            assertThat(page.getByTestId("scan-match")).containsText("MATCH");
        }
        assertThat(page.getByTestId("sign-form")).isVisible();
    }

    /** The second person opens the case's waiting check on their own device, scans every prompt and signs. */
    private void witness(Page page, String caseId, String wristband, String coi, String din) {
        page.navigate(url("/cases/" + caseId));
        page.locator("[data-testid=witness-check], [data-testid=open-check]").first().click();
        scanAll(page, wristband, coi, din);
        sign(page);
        assertThat(page.getByTestId("success")).containsText("is complete: two people scanned and signed", SLOW);
    }

    private static void sign(Page page) {
        page.getByTestId("sign-form").getByLabel("Your password (electronic signature)").fill(PASSWORD);
        page.getByTestId("sign").click();
    }

    private static HttpResponse<String> ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.request().uri() + ": " + response.body()).isBetween(200, 201);
        return response;
    }

    /** Lets the routed font requests finish, so that closing the context cannot race their handler. */
    private static void settle(Browser.Tab tab) {
        tab.page().waitForLoadState(LoadState.NETWORKIDLE);
    }

    /** Reads every Code 128 symbol on a printed label's image, keyed by the prefix of those the test needs. */
    private Map<String, String> scanLabel(Browser.Tab tab, String src) {
        byte[] png = tab.context().request().get(url(src)).body();
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            Result[] symbols = new GenericMultipleBarcodeReader(new MultiFormatReader()).decodeMultiple(
                    new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                    Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.CODE_128), DecodeHintType.TRY_HARDER, Boolean.TRUE));
            Map<String, String> found = new HashMap<>();
            Arrays.stream(symbols).map(Result::getText).forEach(text -> {
                for (String prefix : List.of("&/", "PT-N-", "=")) {
                    if (text.startsWith(prefix)) {
                        found.putIfAbsent(prefix, text);
                    }
                }
            });
            return found;
        } catch (IOException | NotFoundException e) {
            throw new AssertionError("the label could not be read", e);
        }
    }
}
