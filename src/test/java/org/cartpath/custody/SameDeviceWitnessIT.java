package org.cartpath.custody;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cartpath.custody.CustodyFixtures.World;
import org.cartpath.custody.labels.LabelPrint;
import org.cartpath.custody.labels.LabelPrinting;
import org.cartpath.identity.UserAccount;
import org.cartpath.identity.security.SignInThrottle;
import org.cartpath.journey.CaseJourney;
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

/**
 * Witnessing a check at the patient on the first person's device (ADR 16): the first nurse starts
 * the collection check on her page, scans and signs; the witness scans each item again on the same page and signs with
 * their own username and password. Each refusal is shown in the form's words, records nothing, and is audited; a
 * wrong password counts as a failed sign-in.
 */
@CartpathIntegrationTest
class SameDeviceWitnessIT {

    @LocalServerPort
    int port;

    @Autowired
    CustodyFixtures fixtures;

    @Autowired
    LabelPrinting printing;

    @Autowired
    CaseJourney journey;

    @Autowired
    SignInThrottle throttle;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IdentityFixtures identities;

    World world;
    CustodyScenario scenario;
    Http nurse;
    String check;

    @BeforeEach
    void theFirstNurseHasScannedAndSignedOnHerDevice() {
        world = fixtures.world();
        scenario = new CustodyScenario(port, world, fixtures.caseAt(world, Stage.SLOT_BOOKED), printing);
        nurse = scenario.person(world.nurse());
        HttpResponse<String> opened = nurse.postForm("/cases/" + scenario.therapyCase.id() + "/verifications",
                Map.of("itemId", scenario.bagId(), "step", "COLLECTION"));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(302);
        check = opened.headers().firstValue("Location").orElseThrow().replaceAll(".*/verifications/", "");
        for (String scanned : List.of(scenario.wristband(), scenario.coi(), scenario.din())) {
            assertThat(nurse.postForm(link() + "/scans", Map.of("scanned", scanned)).statusCode()).isEqualTo(302);
        }
        assertThat(nurse.postForm(link() + "/signatures", Map.of("password", IdentityFixtures.PASSWORD)).statusCode())
                .isEqualTo(302);
    }

    @Test
    void aSecondNurseWitnessesOnTheFirstNursesDeviceAndTheCheckIsRecordedAsTheirsOnThatDevice() {
        String page = nurse.get(link()).body();
        assertThat(page).contains("data-testid=\"witness-here-form\"", "Or: witness here on this device",
                "apheresis nurse or cell-therapy laboratory", "Witness: scan the COI on the collection bag",
                "<strong>witnessed</strong>");

        HttpResponse<String> witnessed = witness(world.secondNurse().username(), IdentityFixtures.PASSWORD,
                scenario.wristband(), scenario.coi(), scenario.din());

        assertThat(witnessed.statusCode()).as(witnessed.body()).isEqualTo(302);
        assertThat(witnessed.headers().firstValue("Location").orElseThrow()).endsWith("/cases/" + scenario.therapyCase.id());
        Map<String, Object> row = jdbc.sql("""
                select status, second_user_id::text as second, second_on_device_of::text as device,
                    second_signature_id::text as signature
                from custody_verification where id = ?::uuid""").param(check).query().singleRow();
        assertThat(row).containsEntry("status", "COMPLETED").containsEntry("second", world.secondNurse().id().toString())
                .containsEntry("device", world.nurse().id().toString());
        Map<String, Object> signature = jdbc.sql("select signer_id::text as signer, meaning, printed_name "
                + "from electronic_signature where id = ?::uuid").param(row.get("signature")).query().singleRow();
        assertThat(signature).containsEntry("signer", world.secondNurse().id().toString())
                .containsEntry("meaning", "WITNESSED").containsEntry("printed_name", world.secondNurse().displayName());
        assertThat(jdbc.sql("select count(*) from custody_scan where verification_id = ?::uuid and actor_id = ? "
                + "and outcome = 'MATCH'").params(check, world.secondNurse().id().toString()).query(Integer.class).single())
                .as("the witness's own three scans").isEqualTo(3);
        Map<String, Object> audit = jdbc.sql("select actor_id, after_state::text as after from audit_event "
                + "where entity_id = ? and action = 'VERIFICATION_COMPLETED'").param(check).query().singleRow();
        assertThat(audit.get("actor_id")).isEqualTo(world.secondNurse().id().toString());
        assertThat((String) audit.get("after")).contains("\"sameDevice\":true", world.nurse().id().toString());
        assertThat(journey.get(world.actor(world.coordinator()), scenario.therapyCase.id()).therapyCase().stage())
                .isEqualTo(Stage.COLLECTED);
        assertThat(nurse.get(link()).body()).contains("data-testid=\"witnessed-here\"")
                .doesNotContain("data-testid=\"witness-here-form\"");
    }

    @Test
    void aWrongPasswordOrAnUnknownUsernameIsRefusedInTheFormsWordsRecordsNothingAndCountsAsAFailedSignIn() {
        String witnessName = world.secondNurse().username();
        HttpResponse<String> wrong = witness(witnessName, "not-the-password", scenario.wristband(), scenario.coi(),
                scenario.din());
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("There is a problem", "username or password is not correct",
                "href=\"#witnessPassword\"", "value=\"" + witnessName + "\"");
        assertThat(failedSignIns(witnessName)).as("counted like a failed sign-in").isEqualTo(1);

        String stranger = "nobody-" + System.nanoTime();
        HttpResponse<String> unknown = witness(stranger, IdentityFixtures.PASSWORD, scenario.wristband(), scenario.coi(),
                scenario.din());
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body()).contains("username or password is not correct");
        assertThat(failedSignIns(stranger)).isEqualTo(1);

        assertThat(refusalsAudited()).hasSize(2).allSatisfy(actor -> assertThat(actor).isEqualTo(world.nurse().id().toString()));
        assertNothingRecorded();
    }

    @Test
    void emptyFieldsAreNamedAndNothingIsRecordedOrCounted() {
        HttpResponse<String> empty = witness("", "", "", scenario.coi(), "");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("Enter the witness", "Scan the patient", "Scan the DIN on the collection bag",
                "href=\"#witnessScan0\"", "href=\"#witnessUsername\"", "href=\"#witnessPassword\"");
        assertNothingRecorded();
        assertThat(refusalsAudited()).isEmpty();
    }

    @Test
    void theFirstSignerCannotWitnessTheirOwnCheckOnTheirOwnDevice() {
        HttpResponse<String> self = witness(world.nurse().username(), IdentityFixtures.PASSWORD, scenario.wristband(),
                scenario.coi(), scenario.din());
        assertThat(self.statusCode()).isEqualTo(422);
        assertThat(self.body()).contains("The witness made the first check: a different person must witness it");
        assertThat(refusalsAudited()).hasSize(1);
        assertNothingRecorded();
    }

    @Test
    void aPersonWithoutAWitnessingRoleIsRefused() {
        HttpResponse<String> ward = witness(world.wardNurse().username(), IdentityFixtures.PASSWORD, scenario.wristband(),
                scenario.coi(), scenario.din());
        assertThat(ward.statusCode()).isEqualTo(422);
        assertThat(ward.body()).contains("The witness must hold a role that may witness a collection check "
                + "(apheresis nurse or cell-therapy laboratory)");
        assertThat(refusalsAudited()).hasSize(1);
        assertNothingRecorded();
    }

    @Test
    void aPersonFromAnotherOrganisationIsRefused() {
        UserAccount elsewhere = fixtures.world().secondNurse();
        HttpResponse<String> other = witness(elsewhere.username(), IdentityFixtures.PASSWORD, scenario.wristband(),
                scenario.coi(), scenario.din());
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(other.body()).contains("The witness must work at " + world.centre().name());
        assertThat(refusalsAudited()).hasSize(1);
        assertNothingRecorded();
    }

    @Test
    void aDisabledAccountOrOnePausedAfterFailedSignInsCannotWitness() {
        UserAccount lab = world.lab();
        identities.disable(lab);
        HttpResponse<String> disabled = witness(lab.username(), IdentityFixtures.PASSWORD, scenario.wristband(),
                scenario.coi(), scenario.din());
        assertThat(disabled.statusCode()).isEqualTo(422);
        assertThat(disabled.body()).contains("account is disabled");

        // ten failed sign-ins from another address pause the account (SignInThrottle), wherever the next attempt comes from
        String paused = world.secondLab().username();
        for (int i = 0; i < SignInThrottle.ACCOUNT_LIMIT; i++) {
            throttle.recordFailure(paused, "192.0.2." + (i + 10));
        }
        HttpResponse<String> locked = witness(paused, IdentityFixtures.PASSWORD, scenario.wristband(), scenario.coi(),
                scenario.din());
        assertThat(locked.statusCode()).isEqualTo(422);
        assertThat(locked.body()).contains("Too many failed attempts for this username");
        assertThat(failedSignIns(paused)).as("an attempt while paused is not counted").isEqualTo(SignInThrottle.ACCOUNT_LIMIT);
        assertThat(refusalsAudited()).hasSize(2);
        assertNothingRecorded();
    }

    @Test
    void anotherPatientsBagScannedByTheWitnessIsAHardStopRecordedAsTheirs() {
        TherapyCase otherCase = fixtures.caseAt(world, Stage.SLOT_BOOKED);
        LabelPrint otherBag = printing.newCollection(world.actor(world.nurse()), otherCase.id(), "Apheresis unit");
        HttpResponse<String> stop = witness(world.secondNurse().username(), IdentityFixtures.PASSWORD,
                scenario.wristband(), otherBag.coi().barcodeData(), scenario.din());
        assertThat(stop.statusCode()).isEqualTo(422);
        assertThat(stop.body()).contains("data-testid=\"hard-stop\"");
        assertThat(jdbc.sql("select actor_id from custody_scan where verification_id = ?::uuid and outcome = 'MISMATCH'")
                .param(check).query(String.class).single()).isEqualTo(world.secondNurse().id().toString());
        assertThat(status()).isEqualTo("OPEN");
        assertThat(witnessSignatures()).isZero();
    }

    @Test
    void theApiWitnessesOnTheSameDeviceToo() {
        String path = "/api/v1/verifications/" + check + "/same-device-witness";
        HttpResponse<String> refused = nurse.postJson(path, Map.of("witnessUsername", world.secondNurse().username(),
                "witnessPassword", "wrong", "scans", List.of(scenario.wristband(), scenario.coi(), scenario.din())));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(Http.json(refused).get("type").asText()).endsWith("/problems/signature-refused");
        assertNothingRecorded();

        HttpResponse<String> done = nurse.postJson(path, Map.of("witnessUsername", world.secondNurse().username(),
                "witnessPassword", IdentityFixtures.PASSWORD,
                "scans", List.of(scenario.wristband(), scenario.coi(), scenario.din())));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(Http.json(done).get("status").asText()).isEqualTo("COMPLETED");
        assertThat(Http.json(done).get("witnessedOnSameDevice").asBoolean()).isTrue();
    }

    private HttpResponse<String> witness(String username, String password, String... scans) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < scans.length; i++) {
            form.put("witnessScan" + i, scans[i]);
        }
        form.put("witnessUsername", username);
        form.put("witnessPassword", password);
        return nurse.postForm(link() + "/same-device-witness", form);
    }

    private void assertNothingRecorded() {
        assertThat(status()).isEqualTo("OPEN");
        assertThat(jdbc.sql("select count(*) from custody_scan where verification_id = ?::uuid and actor_id <> ?")
                .params(check, world.nurse().id().toString()).query(Integer.class).single()).as("scans by anyone else")
                .isZero();
        assertThat(witnessSignatures()).isZero();
        assertThat(jdbc.sql("select second_on_device_of from custody_verification where id = ?::uuid").param(check)
                .query(String.class).optional().orElse(null)).isNull();
    }

    private int witnessSignatures() {
        return jdbc.sql("select count(*) from electronic_signature where record_id = ? and meaning = 'WITNESSED'")
                .param(check).query(Integer.class).single();
    }

    private List<String> refusalsAudited() {
        return jdbc.sql("select actor_id from audit_event where entity_id = ? and action = 'SIGNATURE_REFUSED' order by id")
                .param(check).query(String.class).list();
    }

    private int failedSignIns(String username) {
        return jdbc.sql("select count(*) from sign_in_attempt where lower(username) = lower(?) and not succeeded")
                .param(username).query(Integer.class).single();
    }

    private String status() {
        return jdbc.sql("select status from custody_verification where id = ?::uuid").param(check).query(String.class).single();
    }

    private String link() {
        return "/verifications/" + check;
    }
}
