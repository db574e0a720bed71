package org.cartpath.interop.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.Connection;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.util.idgenerator.UUIDGenerator;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.cartpath.identity.Organisation;
import org.cartpath.identity.OrganisationManagement;
import org.cartpath.identity.UserAccount;
import org.cartpath.journey.Stage;
import org.cartpath.journey.TherapyCase;
import org.cartpath.monitoring.MonitoringFixtures;
import org.cartpath.patient.PatientId;
import org.cartpath.testing.Http;
import org.cartpath.patient.PatientManagement;
import org.cartpath.patient.PatientRecord;
import org.cartpath.patient.PatientTestData;
import org.cartpath.shared.Actor;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.Role;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.CaseFixtures;
import org.cartpath.testing.CaseFixtures.World;
import org.cartpath.testing.IdentityFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The HL7 v2 listener over real MLLP: HAPI's own client ({@link Connection}, its {@code Initiator}) sends the sample
 * ORU^R01 messages of src/test/resources/hl7 to the listener the test application runs on a free port; malformed ones
 * go through a plain socket with MLLP framing, since HAPI's client will not send what it cannot parse.
 */
@CartpathIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Hl7ListenerIT {

    @Autowired
    CaseFixtures cases;
    @Autowired
    IdentityFixtures identity;
    @Autowired
    OrganisationManagement organisations;
    @Autowired
    PatientManagement patients;
    @Autowired
    Hl7Listener listener;
    @Autowired
    InterfaceWorkQueue queue;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MonitoringFixtures monitoring;
    @Autowired
    org.cartpath.journey.CaseJourney journey;
    @LocalServerPort
    int port;

    private World world;
    private Actor coordinator;
    private String ods;
    private String nhsNumber;
    private HapiContext client;
    private Connection connection;

    @BeforeAll
    void aCentreWithAnOdsCodeAndAPatientWithAnOpenCase() throws Exception {
        world = cases.caseAt(Stage.SLOT_BOOKED, new BigDecimal("22"));
        coordinator = world.actor(world.coordinator());
        ods = "T" + ThreadLocalRandom.current().nextInt(10000, 99999);
        Organisation centre = world.centre();
        organisations.change(Actor.system("test fixtures"), centre.id(), new OrganisationManagement.OrganisationChange(
                centre.name(), centre.region(), ods, centre.fin(), true), centre.version());
        PatientRecord patient = patients.get(coordinator, world.patientId(), "test");
        nhsNumber = patient.demographics().nhsNumber().value();
        client = new DefaultHapiContext(java.util.concurrent.Executors.newCachedThreadPool());
        client.setModelClassFactory(new CanonicalModelClassFactory("2.5.1"));
        client.setValidationContext(ValidationContextFactory.noValidation());
        client.getParserConfiguration().setIdGenerator(new UUIDGenerator());
        connection = client.newClient("localhost", listener.port(), false);
    }

    @AfterAll
    void close() throws Exception {
        connection.close();
        client.close();
    }

    private String bloods(String control, String nhs) {
        return Hl7Samples.load(Hl7Samples.MORNING_BLOODS, Hl7Samples.values(ods, control, nhs, "20170501"));
    }

    private static String control() {
        return "IT" + System.nanoTime();
    }

    private Terser send(String raw) throws Exception {
        Message message = client.getPipeParser().parse(raw);
        return new Terser(connection.getInitiator().sendAndReceive(message));
    }

    /** Sends bytes as they are, framed by MLLP (HL7 v2 Transport Specification, MLLP release 2), and reads the answer. */
    private String sendRaw(String raw) throws Exception {
        try (Socket socket = new Socket("localhost", listener.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(0x0b);
            out.write(raw.getBytes(StandardCharsets.UTF_8));
            out.write(new byte[] {0x1c, 0x0d});
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            for (int b = in.read(); b != 0x1c && b != -1; b = in.read()) {
                if (b != 0x0b) {
                    answer.write(b);
                }
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private Map<String, Object> message(String control) {
        return jdbc.sql("select * from interop_hl7_message where control_id = ? and status <> 'REPLAY'").param(control)
                .query().singleRow();
    }

    private List<Map<String, Object>> results(String control) {
        return jdbc.sql("""
                select r.measurement, r.value, r.unit, r.case_id from interop_lab_result r
                join interop_hl7_message m on m.id = r.message_id where m.control_id = ? order by r.measurement""")
                .param(control).query().listOfRows();
    }

    @Test
    void filesTheMorningBloodsForThePatientsOpenCaseInCartpathsUnitsAndAcknowledgesThemAA() throws Exception {
        String control = control();
        String raw = bloods(control, nhsNumber);

        Terser ack = send(raw);

        assertThat(ack.get("/MSA-1")).isEqualTo("AA");
        assertThat(ack.get("/MSA-2")).isEqualTo(control);
        Map<String, Object> stored = message(control);
        assertThat(stored).containsEntry("status", "FILED").containsEntry("ack_code", "AA")
                .containsEntry("case_id", world.therapyCase().id().value());
        // HAPI's client sends the message as it encodes it again, so the stored text is compared segment by segment
        assertThat(((String) stored.get("raw")).strip().split("\r")).containsExactly(raw.split("\r"));
        assertThat(results(control)).extracting(r -> r.get("measurement") + " " + ((BigDecimal) r.get("value"))
                .stripTrailingZeros().toPlainString() + " " + r.get("unit"))
                .containsExactly("ANC 0.4 10^9/L", "CREATININE 44.2 µmol/L", "CRP 85 mg/L", "FERRITIN 2500 µg/L",
                        "PLATELETS 45 10^9/L");
    }

    @Test
    void aReplayIsAcknowledgedAAAndFilesNothingTwice() throws Exception {
        String control = control();
        String raw = bloods(control, nhsNumber);
        send(raw);

        Terser again = send(raw);

        assertThat(again.get("/MSA-1")).isEqualTo("AA");
        assertThat(again.get("/MSA-2")).isEqualTo(control);
        assertThat(results(control)).hasSize(5);
        assertThat(jdbc.sql("select count(*) from interop_hl7_message where control_id = ? and status = 'REPLAY'")
                .param(control).query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void aVersion23MessageIsReadAndFiledToo() throws Exception {
        String control = control();

        Terser ack = send(Hl7Samples.load(Hl7Samples.HAEMOGLOBIN_V23, Hl7Samples.values(ods, control, nhsNumber,
                "20170501")));

        assertThat(ack.get("/MSA-1")).isEqualTo("AA");
        assertThat(results(control)).extracting(r -> r.get("measurement") + " " + ((BigDecimal) r.get("value"))
                .stripTrailingZeros().toPlainString()).containsExactly("HAEMOGLOBIN 91");
    }

    @Test
    void anNhsNumberThatFailsTheModulus11CheckIsAnsweredAEWithTheReasonAndFilesNothing() throws Exception {
        String control = control();
        String wrongCheckDigit = nhsNumber.substring(0, 9) + ((nhsNumber.charAt(9) - '0' + 1) % 10);

        Terser ack = send(bloods(control, wrongCheckDigit));

        assertThat(ack.get("/MSA-1")).isEqualTo("AE");
        assertThat(ack.get("/ERR-3-1")).isEqualTo("102");
        assertThat(ack.get("/ERR-8")).startsWith("PID-3 NHS number " + wrongCheckDigit);
        assertThat(results(control)).isEmpty();
        assertThat(message(control)).containsEntry("status", "QUEUED");
    }

    @Test
    void aUnitCartpathCannotConvertIsAnsweredAEAndTheMessageWaitsWithNothingFiled() throws Exception {
        String control = control();

        Terser ack = send(bloods(control, nhsNumber).replace("|8.5|mg/dL|", "|8.5|mmol/L|"));

        assertThat(ack.get("/MSA-1")).isEqualTo("AE");
        assertThat(ack.get("/ERR-3-1")).isEqualTo("103");
        assertThat(ack.get("/ERR-8")).isEqualTo("CRP unit 'mmol/L' cannot be converted to mg/L");
        assertThat(results(control)).isEmpty();
        assertThat(queue.queued(coordinator)).extracting(StoredMessage::controlId).contains(control);
    }

    @Test
    void anUnknownPatientWaitsInTheWorkQueueUntilTheCoordinatorMatchesItThenItsResultsAreFiled() throws Exception {
        String control = control();

        Terser ack = send(bloods(control, PatientTestData.nhsNumber()));

        assertThat(ack.get("/MSA-1")).isEqualTo("AE");
        assertThat(ack.get("/ERR-3-1")).isEqualTo("204");
        assertThat(ack.get("/ERR-8")).contains("is known at this centre");
        StoredMessage waiting = queue.queued(coordinator).stream().filter(m -> control.equals(m.controlId()))
                .findFirst().orElseThrow();
        assertThat(results(control)).isEmpty();

        int filed = queue.match(coordinator, waiting.id(), nhsNumber);

        assertThat(filed).isEqualTo(5);
        assertThat(results(control)).hasSize(5)
                .allSatisfy(r -> assertThat(r.get("case_id")).isEqualTo(world.therapyCase().id().value()));
        assertThat(message(control)).containsEntry("status", "MATCHED")
                .containsEntry("resolved_by_name", coordinator.displayName());
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'HL7_MESSAGE_MATCHED' and entity_id = ?")
                .param(waiting.id().toString()).query(Long.class).single()).isEqualTo(1L);
        assertThatThrownBy(() -> queue.match(coordinator, waiting.id(), nhsNumber))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(409));
    }

    @Test
    void aRejectedMessageFilesNothingAndAnotherCentreCannotSeeIt() throws Exception {
        String control = control();
        send(bloods(control, PatientTestData.nhsNumber()));
        UUID id = (UUID) message(control).get("id");
        Organisation otherCentre = identity.organisation(OrganisationKind.TREATMENT_CENTRE);
        UserAccount otherCoordinator = identity.user(otherCentre, Role.COORDINATOR);
        Actor elsewhere = new Actor(otherCoordinator.id().toString(), Actor.ActorType.PERSON,
                otherCoordinator.username(), otherCoordinator.displayName(), otherCentre.id(), otherCentre.name(),
                otherCentre.kind(), false, otherCoordinator.roles());

        assertThatThrownBy(() -> queue.reject(elsewhere, id, "Not our patient"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThatThrownBy(() -> queue.reject(coordinator, id, " "))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(400));
        queue.reject(coordinator, id, "Patient transferred to another centre");

        assertThat(message(control)).containsEntry("status", "DISMISSED")
                .containsEntry("resolution_reason", "Patient transferred to another centre");
        assertThat(results(control)).isEmpty();
    }

    @Test
    void aMessageWithABadSegmentIsStoredRawAndRefusedAR() throws Exception {
        String control = control();
        String raw = bloods(control, nhsNumber).replace("\rOBR|", "\rTHIS IS NOT A SEGMENT\rOBR|");

        String ack = sendRaw(raw);

        assertThat(ack).contains("MSA|AR|" + control).contains("ERR|");
        assertThat(jdbc.sql("select status, raw from interop_hl7_message where control_id = ?").param(control)
                .query().singleRow()).containsEntry("status", "REFUSED").containsEntry("raw", raw);
        assertThat(results(control)).isEmpty();
    }

    @Test
    void aMessageWithoutAControlIdIsRefusedARNamingMsh10() throws Exception {
        String raw = bloods("{{NONE}}", nhsNumber).replace("|{{NONE}}|", "||");

        String ack = sendRaw(raw);

        assertThat(ack).contains("\rMSA|AR").contains("MSH-10 (message control id) is missing");
        assertThat(jdbc.sql("select count(*) from interop_hl7_message where raw = ? and status = 'REFUSED'").param(raw)
                .query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void theMonitoringBoardShowsTheLatestResultsOnceAnOruIsFiled() throws Exception {
        MonitoringFixtures.Centre centre = monitoring.centre();
        TherapyCase child = monitoring.monitored(centre, Instant.now().minus(Duration.ofDays(3)), 7, "20");
        String boardOds = "M" + ThreadLocalRandom.current().nextInt(10000, 99999);
        Organisation organisation = centre.centre();
        organisations.change(Actor.system("test fixtures"), organisation.id(),
                new OrganisationManagement.OrganisationChange(organisation.name(), organisation.region(), boardOds,
                        organisation.fin(), true), organisation.version());
        PatientRecord record = patients.get(centre.coordinatorActor(), new PatientId(child.patientId()), "test");
        String childsNumber = record.demographics().nhsNumber().value();
        String born = record.demographics().dateOfBirth().format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
        Http nurse = Http.signedIn(port, centre.nurse().username(), org.cartpath.testing.IdentityFixtures.PASSWORD);
        assertThat(nurse.get("/monitoring").body()).doesNotContain("C-reactive protein 85 mg/L");

        Terser ack = send(Hl7Samples.load(Hl7Samples.MORNING_BLOODS, Hl7Samples.values(boardOds, control(),
                childsNumber, born)));

        assertThat(ack.get("/MSA-1")).isEqualTo("AA");
        String board = nurse.get("/monitoring").body();
        assertThat(board).contains("C-reactive protein 85 mg/L").contains("Neutrophils (ANC) 0.4 10^9/L")
                .contains("Creatinine 44.2 µmol/L");
    }

    // --- ADT (patient administration) ---------------------------------------------------------------------------

    private String adt(String sample, String centreOds, String control, PatientRecord patient, String family,
            String address, String merged) {
        Map<String, String> values = new java.util.HashMap<>(Hl7Samples.adt(centreOds, control,
                patient.demographics().nhsNumber().value(), family, patient.demographics().givenName(),
                patient.demographics().dateOfBirth().format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE),
                address));
        values.put("MERGED", merged);
        return Hl7Samples.load(sample, values);
    }

    private long audited(String action, String entityId, String reasonContains) {
        return jdbc.sql("select count(*) from audit_event where action = ? and entity_id = ? and reason like ?")
                .params(action, entityId, "%" + reasonContains + "%").query(Long.class).single();
    }

    @Test
    void anA08ChangesTheAddressAuditedWithItsControlIdAndItsReplayChangesNothingTwice() throws Exception {
        PatientRecord before = patients.get(coordinator, world.patientId(), "test");
        String control = control();
        String raw = adt(Hl7Samples.UPDATE_PATIENT, ods, control, before, before.demographics().familyName(),
                "2 Beech Road^Flat 3^York^^YO1 7HH^GBR^H", "");

        Terser ack = send(raw);
        Terser again = send(raw);

        assertThat(ack.get("/MSA-1")).isEqualTo("AA");
        assertThat(ack.get("/MSA-2")).isEqualTo(control);
        assertThat(again.get("/MSA-1")).isEqualTo("AA");
        PatientRecord after = patients.get(coordinator, world.patientId(), "test");
        assertThat(after.demographics().address())
                .isEqualTo(new org.cartpath.patient.Address("2 Beech Road", "Flat 3", "York", "YO1 7HH"));
        assertThat(after.demographics().version()).isEqualTo(before.demographics().version() + 1);
        assertThat(after.demographics().reason()).contains(control).contains("address");
        assertThat(after.demographics().familyName()).isEqualTo(before.demographics().familyName());
        assertThat(audited("DEMOGRAPHICS_CHANGED", world.patientId().toString(), control)).isEqualTo(1L);
        assertThat(message(control)).containsEntry("status", "FILED")
                .containsEntry("patient_id", world.patientId().value());
        assertThat(jdbc.sql("select count(*) from interop_hl7_message where control_id = ? and status = 'REPLAY'")
                .param(control).query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void anA08ForAnNhsNumberUnknownAtTheCentreWaitsInTheWorkQueueAndRegistersNoPatient() throws Exception {
        String control = control();
        String unknown = PatientTestData.nhsNumber();
        PatientRecord shape = patients.get(coordinator, world.patientId(), "test");
        String raw = adt(Hl7Samples.UPDATE_PATIENT, ods, control, shape, "Stranger", "1 Elm Street^^Leeds^^LS2 9JT",
                "").replace("|" + shape.demographics().nhsNumber().value() + "^^^NHS", "|" + unknown + "^^^NHS");

        Terser ack = send(raw);

        assertThat(ack.get("/MSA-1")).isEqualTo("AE");
        assertThat(ack.get("/ERR-3-1")).isEqualTo("204");
        assertThat(ack.get("/ERR-8")).isEqualTo("No patient with NHS number " + unknown + " is known at this centre");
        assertThat(queue.queued(coordinator)).extracting(StoredMessage::controlId).contains(control);
        assertThat(jdbc.sql("select count(*) from patient where nhs_number = ?").param(unknown).query(Long.class)
                .single()).isZero();
        UUID id = (UUID) message(control).get("id");
        InterfaceWorkQueue.QueuedMessage waiting = queue.get(coordinator, id);
        assertThat(waiting.matchable()).isFalse();
        assertThat(waiting.familyName()).isEqualTo("Stranger");
        assertThatThrownBy(() -> queue.match(coordinator, id, nhsNumber))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(422));
        assertThat(message(control)).containsEntry("status", "QUEUED");
        // the ACK names the NHS number to its sender; the audit trail carries no patient identity (ADR 0009)
        assertThat(jdbc.sql("select reason from audit_event where action = 'HL7_MESSAGE_QUEUED' and entity_id = ?")
                .param(id.toString()).query(String.class).single())
                .isEqualTo("Acknowledged AE with HL7 error 204 (Unknown key identifier); the reason is kept with the message")
                .doesNotContain(unknown);
    }

    @Test
    void anA40MergeIsNeverAppliedAndWaitsInTheWorkQueueShowingBothNhsNumbers() throws Exception {
        PatientRecord before = patients.get(coordinator, world.patientId(), "test");
        String control = control();
        String other = PatientTestData.nhsNumber();

        Terser ack = send(adt(Hl7Samples.MERGE, ods, control, before, before.demographics().familyName(), "", other
                + "^^^NHS^NH"));

        assertThat(ack.get("/MSA-1")).isEqualTo("AE");
        assertThat(ack.get("/ERR-3-1")).isEqualTo("201");
        assertThat(ack.get("/ERR-8")).contains("A40 merge of NHS number " + other + " (MRG-1) into NHS number "
                + nhsNumber + " (PID-3) is never applied automatically");
        InterfaceWorkQueue.QueuedMessage waiting = queue.get(coordinator, (UUID) message(control).get("id"));
        assertThat(waiting.message().status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(waiting.message().nhsNumber()).isEqualTo(nhsNumber);
        assertThat(waiting.mergedIdentifier()).isEqualTo(other);
        assertThat(patients.get(coordinator, world.patientId(), "test").demographics().version())
                .isEqualTo(before.demographics().version());
        Http coordinatorPages = Http.signedIn(port, world.coordinator().username(), IdentityFixtures.PASSWORD);
        assertThat(coordinatorPages.get("/interface/work-queue/" + waiting.message().id()).body())
                .contains(other).contains(nhsNumber).contains("never merges records by itself")
                .doesNotContain("data-testid=\"match\"");
    }

    @Test
    void aNameChangeWhileTheCellsAreInCustodyOpensATaskForTheCoordinatorToReverifyTheLabels() throws Exception {
        World collected = cases.caseAt(Stage.COLLECTED, new BigDecimal("22"));
        Actor itsCoordinator = collected.actor(collected.coordinator());
        String itsOds = "C" + ThreadLocalRandom.current().nextInt(10000, 99999);
        Organisation centre = collected.centre();
        organisations.change(Actor.system("test fixtures"), centre.id(), new OrganisationManagement.OrganisationChange(
                centre.name(), centre.region(), itsOds, centre.fin(), true), centre.version());
        PatientRecord before = patients.get(itsCoordinator, collected.patientId(), "test");
        String control = control();

        Terser ack = send(adt(Hl7Samples.UPDATE_PATIENT, itsOds, control, before, "Renamed", "", ""));

        assertThat(ack.get("/MSA-1")).isEqualTo("AA");
        PatientRecord after = patients.get(itsCoordinator, collected.patientId(), "test");
        assertThat(after.demographics().familyName()).isEqualTo("Renamed");
        assertThat(after.demographics().address()).isEqualTo(before.demographics().address());
        assertThat(journey.tasks(itsCoordinator, collected.therapyCase().id()))
                .filteredOn(t -> t.isOpen() && t.title().startsWith(PatientAdministration.LABEL_TASK))
                .singleElement()
                .satisfies(t -> {
                    assertThat(t.role()).isEqualTo(Role.COORDINATOR);
                    assertThat(t.title()).contains("name changed").contains(control);
                });
        assertThat(journey.timeline(itsCoordinator, collected.therapyCase().id()))
                .anySatisfy(e -> assertThat(e.summary()).contains("must be re-verified"));
    }

    @Test
    void anAdmissionGoesOnTheTimelineOfThePatientsOpenCase() throws Exception {
        PatientRecord patient = patients.get(coordinator, world.patientId(), "test");
        String control = control();

        Terser ack = send(adt(Hl7Samples.ADMISSION, ods, control, patient, patient.demographics().familyName(), "",
                ""));

        assertThat(ack.get("/MSA-1")).isEqualTo("AA");
        assertThat(message(control)).containsEntry("status", "FILED")
                .containsEntry("case_id", world.therapyCase().id().value());
        assertThat(journey.timeline(coordinator, world.therapyCase().id()))
                .anySatisfy(e -> assertThat(e.summary())
                        .startsWith("Admitted as an inpatient (ward SKYLARK) on 7 Dec 2026 10:00").contains(control));
    }

    @Test
    void anAdtEventCartpathDoesNotTakeIsRefusedAR201AndStored() throws Exception {
        PatientRecord patient = patients.get(coordinator, world.patientId(), "test");
        String control = control();

        Terser ack = send(adt(Hl7Samples.UPDATE_PATIENT, ods, control, patient, patient.demographics().familyName(),
                "", "").replace("ADT^A08^ADT_A01", "ADT^A04^ADT_A01").replace("EVN|A08", "EVN|A04"));

        assertThat(ack.get("/MSA-1")).isEqualTo("AR");
        assertThat(ack.get("/ERR-3-1")).isEqualTo("201");
        assertThat(ack.get("/ERR-8")).startsWith("ADT event A04 is not accepted");
        assertThat(message(control)).containsEntry("status", "REFUSED").containsEntry("ack_code", "AR");
    }

    @Test
    void theCasePageShowsTheLatestFiledResultsWithTheirTimeAndSourceToTheCentresStaff() throws Exception {
        String control = control();
        // taken later than the other tests' samples of the same bloods, so that these are the latest
        send(bloods(control, nhsNumber).replace("20261207055000", "20261207235900"));
        Http coordinatorPages = Http.signedIn(port, world.coordinator().username(), IdentityFixtures.PASSWORD);

        String page = coordinatorPages.get("/cases/" + world.therapyCase().id()).body();

        assertThat(page).contains("Latest laboratory results").contains("C-reactive protein").contains("85 mg/L")
                .contains("Creatinine").contains("44.2 µmol/L").contains("WINPATH at RP4LAB, message " + control);
    }

    @Test
    void aFiledCreatinineBecomesTheOrganFunctionEntryTheLymphodepletionPlanReadsAsRenalFunction() throws Exception {
        java.time.LocalDate yesterday = patients.today().minusDays(1);
        String taken = yesterday.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE) + "0550";
        String control = control();

        Terser ack = send(bloods(control, nhsNumber).replace("20261207055000", taken).replace("|0.5|mg/dL|",
                "|0.61|mg/dL|"));

        assertThat(ack.get("/MSA-1")).isEqualTo("AA");
        PatientRecord record = patients.get(coordinator, world.patientId(), "test");
        assertThat(record.organFunctions()).anySatisfy(e -> {
            assertThat(e.details().testedOn()).isEqualTo(yesterday);
            assertThat(e.details().creatinineMicromolPerLitre()).isEqualByComparingTo("53.9");
            assertThat(e.recorded().byName()).isEqualTo("HL7 v2 interface");
        });
    }
}
