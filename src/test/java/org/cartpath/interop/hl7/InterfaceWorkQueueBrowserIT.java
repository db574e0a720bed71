package org.cartpath.interop.hl7;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.Connection;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.util.idgenerator.UUIDGenerator;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.math.BigDecimal;
import java.util.concurrent.ThreadLocalRandom;
import org.cartpath.identity.Organisation;
import org.cartpath.identity.OrganisationManagement;
import org.cartpath.journey.Stage;
import org.cartpath.patient.PatientManagement;
import org.cartpath.patient.PatientTestData;
import org.cartpath.shared.Actor;
import org.cartpath.testing.Browser;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.CaseFixtures;
import org.cartpath.testing.IdentityFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In Chromium: the laboratory's results for a child arrive with an NHS number cartpath does not know (a typing error
 * at the laboratory); the coordinator finds the message in the interface work queue, is told when the number typed is
 * not an NHS number, then matches it to the child by the child's own NHS number, and the results are filed.
 */
@CartpathIntegrationTest
class InterfaceWorkQueueBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    CaseFixtures cases;
    @Autowired
    OrganisationManagement organisations;
    @Autowired
    PatientManagement patients;
    @Autowired
    Hl7Listener listener;
    @Autowired
    JdbcClient jdbc;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void theCoordinatorMatchesAnUnmatchedResultsMessageToThePatientAndItsResultsAreFiled() throws Exception {
        CaseFixtures.World world = cases.caseAt(Stage.SLOT_BOOKED, new BigDecimal("22"));
        String ods = "B" + ThreadLocalRandom.current().nextInt(10000, 99999);
        Organisation centre = world.centre();
        organisations.change(Actor.system("test fixtures"), centre.id(), new OrganisationManagement.OrganisationChange(
                centre.name(), centre.region(), ods, centre.fin(), true), centre.version());
        String childsNumber = patients.get(world.actor(world.coordinator()), world.patientId(), "test").demographics()
                .nhsNumber().value();
        String control = "BR" + System.nanoTime();
        try (HapiContext client = new DefaultHapiContext(java.util.concurrent.Executors.newCachedThreadPool())) {
            client.setModelClassFactory(new CanonicalModelClassFactory("2.5.1"));
            client.setValidationContext(ValidationContextFactory.noValidation());
            client.getParserConfiguration().setIdGenerator(new UUIDGenerator());
            Connection connection = client.newClient("localhost", listener.port(), false);
            String raw = Hl7Samples.load(Hl7Samples.MORNING_BLOODS, Hl7Samples.values(ods, control,
                    PatientTestData.nhsNumber(), "20170501"));
            Terser ack = new Terser(connection.getInitiator().sendAndReceive(client.getPipeParser().parse(raw)));
            assertThat(ack.get("/MSA-1")).isEqualTo("AE");
            connection.close();
        }

        try (Browser.Tab tab = Browser.newPage()) {
            Page page = tab.page();
            page.navigate(url("/sign-in"));
            page.getByLabel("Username").fill(world.coordinator().username());
            page.getByLabel("Password").fill(IdentityFixtures.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            assertThat(page.locator("a[href='/interface/work-queue']")).hasCount(1);
            page.navigate(url("/interface/work-queue"));
            Locator row = page.locator("tr[data-control-id='" + control + "']");
            assertThat(row).containsText("is known at this centre");
            row.getByRole(AriaRole.LINK).click();
            assertThat(page.getByTestId("message-patient")).containsText("Fixture");

            page.getByLabel("Patient's NHS number").fill("123");
            page.getByTestId("match").click();
            assertThat(page.locator(".nhsuk-error-summary")).containsText("Patient's NHS number: must be 10 digits");

            page.getByLabel("Patient's NHS number").fill(childsNumber);
            page.getByTestId("match").click();

            assertThat(page.getByTestId("success")).containsText("its 5 results are filed");
            assertThat(page.getByTestId("resolved").locator("tr[data-control-id='" + control + "']"))
                    .containsText(world.coordinator().displayName());
            assertThat(tab.consoleErrors()).as("no script or CSP errors").isEmpty();
        }
        assertThat(jdbc.sql("""
                select count(*) from interop_lab_result r join interop_hl7_message m on m.id = r.message_id
                where m.control_id = ? and r.case_id = ?""").params(control, world.therapyCase().id().value())
                .query(Long.class).single()).isEqualTo(5L);
    }
}
