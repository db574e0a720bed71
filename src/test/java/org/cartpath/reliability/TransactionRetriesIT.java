package org.cartpath.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.cartpath.identity.Organisation;
import org.cartpath.identity.UserAccount;
import org.cartpath.patient.PatientTestData;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.Role;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.Http;
import org.cartpath.testing.IdentityFixtures;
import org.cartpath.testing.TestDatabase;
import org.cartpath.testing.TestDatabaseInitializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A transaction that PostgreSQL gives up as a serialization failure (40001) or a deadlock victim (40P01) runs again
 * ({@code platform.database.TransactionRetries}) instead of answering 500; one that fails every time answers 503
 * problem+json {@code database-busy} at once and changes nothing. The failures are real PostgreSQL errors, raised by
 * a trigger on the patient register for a family name only this test uses, a set number of times (a sequence counts
 * the attempts, since it is not rolled back with them).
 */
@CartpathIntegrationTest
class TransactionRetriesIT {

    @LocalServerPort
    int port;

    @Autowired
    IdentityFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Value("${" + TestDatabaseInitializer.DATABASE_PROPERTY + "}")
    String database;

    JdbcTemplate superuser;
    Http asReferrer;

    @BeforeEach
    void aReferrerAndAFaultOnThePatientRegister() {
        Organisation hospital = fixtures.organisation(OrganisationKind.REFERRING_HOSPITAL);
        UserAccount referrer = fixtures.user(hospital, Role.REFERRER);
        asReferrer = Http.signedIn(port, referrer.username(), IdentityFixtures.PASSWORD);
        superuser = new JdbcTemplate(TestDatabase.superuser(database));
        superuser.execute("create sequence retry_fault_attempts");
        superuser.execute("create table retry_fault (family_name text primary key, sqlstate text, failures int)");
        superuser.execute("""
                create function retry_fault() returns trigger language plpgsql as $$
                declare fault retry_fault;
                begin
                  select * into fault from retry_fault where family_name = new.family_name;
                  if found then
                    if nextval('retry_fault_attempts') <= fault.failures then
                      raise exception 'simulated % for %', fault.sqlstate, new.family_name using errcode = fault.sqlstate;
                    end if;
                  end if;
                  return new;
                end $$""");
        superuser.execute("grant select on retry_fault to public");
        superuser.execute("grant usage on sequence retry_fault_attempts to public");
        superuser.execute("create trigger retry_fault before insert on patient for each row execute function retry_fault()");
    }

    @AfterEach
    void removeTheFault() {
        superuser.execute("drop trigger retry_fault on patient");
        superuser.execute("drop function retry_fault()");
        superuser.execute("drop table retry_fault");
        superuser.execute("drop sequence retry_fault_attempts");
    }

    @Test
    void aRegistrationThatHitsASerializationFailureTwiceIsRunAgainAndStoredOnceWithOneAuditRow() {
        fault("RetriedTwiceOnce", "40001", 2);
        HttpResponse<String> created = register("RetriedTwiceOnce");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(attempts()).as("two failed attempts and the third that succeeded").isEqualTo(3);
        String id = Http.json(created).get("id").asText();
        assertThat(patientsNamed("RetriedTwiceOnce")).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'Patient' and entity_id = ?")
                .param(id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aDeadlockVictimIsRunAgainToo() {
        fault("DeadlockedOnce", "40P01", 1);
        HttpResponse<String> created = register("DeadlockedOnce");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(patientsNamed("DeadlockedOnce")).isEqualTo(1);
    }

    @Test
    void aTransactionThatFailsEveryTimeAnswers503ProblemJsonAfterABoundedNumberOfAttemptsAndChangesNothing() {
        fault("AlwaysCollides", "40001", 1000);
        long auditRows = jdbc.sql("select count(*) from audit_event").query(Long.class).single();
        HttpResponse<String> refused = register("AlwaysCollides");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.headers().firstValue("Retry-After")).contains("1");
        assertThat(Http.json(refused).get("type").asText()).endsWith("database-busy");
        assertThat(refused.body()).doesNotContain("PSQLException", "simulated");
        assertThat(attempts()).as("every attempt, and no more").isEqualTo(4);
        assertThat(patientsNamed("AlwaysCollides")).isZero();
        assertThat(jdbc.sql("select count(*) from audit_event").query(Long.class).single()).isEqualTo(auditRows);
    }

    @Test
    void otherFailuresAreNotRunAgain() {
        fault("CheckViolated", "23514", 1000); // a check violation: running it again would fail the same way
        HttpResponse<String> refused = register("CheckViolated");
        assertThat(refused.statusCode()).isNotEqualTo(201);
        assertThat(attempts()).isEqualTo(1);
        assertThat(patientsNamed("CheckViolated")).isZero();
    }

    private void fault(String familyName, String sqlState, int failures) {
        superuser.update("insert into retry_fault values (?, ?, ?)", familyName, sqlState, failures);
    }

    private HttpResponse<String> register(String familyName) {
        return asReferrer.postJson("/api/v1/patients", PatientTestData.registration(PatientTestData.nhsNumber(),
                familyName));
    }

    private long attempts() {
        return superuser.queryForObject("select case when is_called then last_value else 0 end"
                + " from retry_fault_attempts", Long.class);
    }

    private long patientsNamed(String familyName) {
        return jdbc.sql("select count(*) from patient where family_name = ?").param(familyName).query(Long.class)
                .single();
    }
}
