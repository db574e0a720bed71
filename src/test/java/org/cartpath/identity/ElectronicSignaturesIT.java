package org.cartpath.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.cartpath.shared.Actor;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.Role;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.IdentityFixtures;
import org.cartpath.testing.TestDatabase;
import org.cartpath.testing.TestDatabaseInitializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Electronic signatures (21 CFR 11.50, 11.70, 11.200) as later modules will use them. */
@CartpathIntegrationTest
class ElectronicSignaturesIT {

    @Autowired
    ElectronicSignatures signatures;

    @Autowired
    IdentityFixtures fixtures;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Value("${" + TestDatabaseInitializer.DATABASE_PROPERTY + "}")
    String database;

    UserAccount consultant;
    Actor actor;

    @BeforeEach
    void aConsultant() {
        Organisation centre = fixtures.organisation(OrganisationKind.TREATMENT_CENTRE);
        consultant = fixtures.user(centre, Role.CONSULTANT);
        actor = new Actor(consultant.id().toString(), Actor.ActorType.PERSON, consultant.username(),
                consultant.displayName(), centre.id(), centre.name(), centre.kind(), false, consultant.roles());
    }

    @Test
    void aSignatureKeepsPrintedNameRoleMeaningTimeAndTheRecordDigest() {
        SignedRecord decision = new SignedRecord("PanelDecision", "d-1", Map.of("outcome", "APPROVED", "case", "c-1"));
        ElectronicSignature signature = transaction.execute(status -> signatures.sign(actor, IdentityFixtures.PASSWORD,
                Role.CONSULTANT, SignatureMeaning.APPROVED, decision, null));
        assertThat(signature.printedName()).isEqualTo(consultant.displayName());
        assertThat(signature.role()).isEqualTo(Role.CONSULTANT);
        assertThat(signature.meaning()).isEqualTo(SignatureMeaning.APPROVED);
        assertThat(signature.recordHash()).hasSize(64);
        assertThat(signatures.find(signature.id())).contains(signature);
        assertThat(signatures.verify(signature, decision)).isTrue();
        assertThat(signature.manifestation(java.time.ZoneId.of("Europe/London")))
                .startsWith(consultant.displayName() + ", Consultant — approved, ");
        assertThat(auditActions("d-1")).containsExactly("SIGNATURE_APPLIED");
    }

    @Test
    void aSignatureNoLongerVerifiesAfterTheRecordChanged() {
        SignedRecord release = new SignedRecord("Release", "r-1", Map.of("doseCells", 110_000_000, "viabilityPercent", 86));
        ElectronicSignature signature = transaction.execute(status -> signatures.sign(actor, IdentityFixtures.PASSWORD,
                Role.CONSULTANT, SignatureMeaning.VERIFIED, release, null));
        SignedRecord changed = new SignedRecord("Release", "r-1", Map.of("doseCells", 210_000_000, "viabilityPercent", 86));
        assertThat(signatures.verify(signature, changed)).isFalse();
        assertThat(signatures.verify(signature, new SignedRecord("Release", "r-2", release.content()))).isFalse();
        assertThat(signatures.verify(signature, release)).isTrue();
    }

    @Test
    void aWrongPasswordIsRefusedAndLoggedAndNothingIsSigned() {
        SignedRecord record = new SignedRecord("Infusion", "i-" + System.nanoTime(), Map.of("bag", 1));
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> signatures.sign(actor, "wrong password",
                Role.CONSULTANT, SignatureMeaning.ADMINISTERED, record, null)))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.type()).isEqualTo("signature-refused");
                    assertThat(e.detail()).contains("password");
                });
        assertThat(signatures.forRecord("Infusion", record.id())).isEmpty();
        assertThat(auditActions(record.id())).containsExactly("SIGNATURE_REFUSED");
    }

    @Test
    void aRoleTheSignerDoesNotHoldIsRefused() {
        SignedRecord record = new SignedRecord("Release", "q-" + System.nanoTime(), Map.of());
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> signatures.sign(actor, IdentityFixtures.PASSWORD,
                Role.QA, SignatureMeaning.RELEASED, record, null)))
                .isInstanceOf(ProblemException.class).hasMessageContaining("does not hold the role");
        assertThat(signatures.forRecord("Release", record.id())).isEmpty();
    }

    @Test
    void aRefusalIsLoggedEvenWhenTheSurroundingChangeAlreadyWroteAuditRows() {
        SignedRecord record = new SignedRecord("Case", "c-" + System.nanoTime(), Map.of());
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            // the change recorded its own audit row (and so holds the chain lock) before asking for the signature
            auditTrail.record(actor, "CASE_CHANGED", "Case", record.id(), null, null, null);
            signatures.sign(actor, "wrong", Role.CONSULTANT, SignatureMeaning.APPROVED, record, null);
        })).isInstanceOf(ProblemException.class);
        assertThat(auditActions(record.id())).containsExactly("SIGNATURE_REFUSED");
    }

    @Test
    void signaturesAreAppendOnly() {
        JdbcTemplate app = new JdbcTemplate(TestDatabase.applicationRole(database));
        assertThatThrownBy(() -> app.update("update electronic_signature set printed_name = 'Someone else'"))
                .rootCause().hasMessageContaining("permission denied");
    }

    @Autowired
    org.cartpath.audit.AuditTrail auditTrail;

    private java.util.List<String> auditActions(String recordId) {
        return jdbc.sql("select action from audit_event where entity_id = ? order by id").param(recordId)
                .query(String.class).list();
    }
}
