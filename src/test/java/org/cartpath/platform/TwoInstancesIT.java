package org.cartpath.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cartpath.CartpathApplication;
import org.cartpath.audit.AuditSealer;
import org.cartpath.audit.AuditTrail;
import org.cartpath.audit.AuditVerification;
import org.cartpath.audit.AuditVerifier;
import org.cartpath.identity.ApiTokenManagement;
import org.cartpath.identity.Organisation;
import org.cartpath.identity.UserAccount;
import org.cartpath.identity.internal.CredentialCache;
import org.cartpath.identity.internal.CredentialChangeListener;
import org.cartpath.shared.Actor;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.Role;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.Http;
import org.cartpath.testing.IdentityFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two application instances on one database behave as one: shared sessions, one audit chain, and a revocation made on
 * one instance refused at once on the other despite both caching credentials (ADR 0029).
 */
@CartpathIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesIT {

    @LocalServerPort
    int firstPort;

    @Autowired
    Environment environment;

    @Autowired
    AuditTrail firstAudit;

    @Autowired
    TransactionTemplate firstTransaction;

    @Autowired
    AuditVerifier verifier;

    @Autowired
    AuditSealer firstSealer;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IdentityFixtures identities;

    @Autowired
    ApiTokenManagement firstTokens;

    @Autowired
    CredentialCache firstCache;

    @Autowired
    CredentialChangeListener firstListener;

    ConfigurableApplicationContext second;
    int secondPort;

    @BeforeAll
    void startASecondInstanceOnTheSameDatabase() {
        second = new SpringApplicationBuilder(CartpathApplication.class)
                // command-line arguments: builder properties are only defaults, below application.yml (${PORT:8080})
                .run(
                "--server.port=0",
                "--cartpath.db.url=" + environment.getProperty("cartpath.db.url"),
                "--cartpath.db.user=" + environment.getProperty("cartpath.db.user"),
                "--cartpath.db.password=" + environment.getProperty("cartpath.db.password"),
                "--cartpath.db.owner.user=" + environment.getProperty("cartpath.db.owner.user"),
                "--cartpath.db.owner.password=",
                "--cartpath.demo=false",
                "--logging.level.org.cartpath.requests=WARN");
        secondPort = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    void stopTheSecondInstance() {
        second.close();
    }

    @Test
    void aSessionCreatedOnOneInstanceIsValidOnTheOther() {
        Http onFirst = Http.signedIn(firstPort, "coordinator", "cartpath-demo");
        Http onSecond = onFirst.onPort(secondPort);
        assertThat(onSecond.get("/").statusCode()).isEqualTo(200);
        assertThat(onSecond.get("/").body()).contains("Sam Okafor");
        assertThat(Http.json(onSecond.get("/api/v1/me")).get("username").asText()).isEqualTo("coordinator");
        // signing out on the second ends the session on the first too
        onSecond.postForm("/sign-out", Map.of());
        assertThat(onFirst.get("/").statusCode()).isEqualTo(302);
    }

    /**
     * 64 threads, half on each of two real application instances (the second is a whole cartpath context on the same
     * database, started above), append at once while both instances' sealers run on their schedules; then both
     * sealers are asked to seal at the same moment, racing for the sealing lock. One chain, exact counts, verified.
     */
    @Test
    void sixtyFourThreadsOnTwoInstancesWritingAtOnceGiveOneChainWithExactCounts() throws Exception {
        AuditTrail secondAudit = second.getBean(AuditTrail.class);
        TransactionTemplate secondTransaction = second.getBean(TransactionTemplate.class);
        long before = jdbc.sql("select count(*) from audit_event").query(Long.class).single();
        int threadsPerInstance = 32;
        int rowsPerThread = 10;
        Actor actor = Actor.system("two instances test");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threadsPerInstance * 2);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threadsPerInstance * 2; t++) {
                boolean onFirst = t % 2 == 0;
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < rowsPerThread; i++) {
                        int n = i;
                        (onFirst ? firstTransaction : secondTransaction).executeWithoutResult(status ->
                                (onFirst ? firstAudit : secondAudit).record(actor, "TWO_INSTANCES_TESTED", "Test",
                                        thread + "-" + n, null, Map.of("instance", onFirst ? 1 : 2), null));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get();
            }
            CountDownLatch seal = new CountDownLatch(1);
            Future<Integer> firstSeals = pool.submit(() -> {
                seal.await();
                return firstSealer.sealNow();
            });
            Future<Integer> secondSeals = pool.submit(() -> {
                seal.await();
                return second.getBean(AuditSealer.class).sealNow();
            });
            seal.countDown();
            firstSeals.get();
            secondSeals.get();
        } finally {
            pool.shutdown();
        }
        long written = threadsPerInstance * 2L * rowsPerThread;
        long after = jdbc.sql("select count(*) from audit_event").query(Long.class).single();
        assertThat(after - before).isEqualTo(written);
        assertThat(jdbc.sql("""
                select count(distinct s.seq) from audit_seal s join audit_event e on e.id = s.event_id
                where e.action = 'TWO_INSTANCES_TESTED'""").query(Long.class).single())
                .as("every row chained exactly once").isEqualTo(written);
        assertThat(jdbc.sql("select count(distinct entity_id) from audit_event where action = 'TWO_INSTANCES_TESTED'")
                .query(Long.class).single()).isEqualTo(written);
        assertThat(jdbc.sql("select max(seq) = count(*) from audit_seal").query(Boolean.class).single())
                .as("places 1..n with no gap and no fork").isTrue();
        AuditVerification verification = verifier.verify();
        assertThat(verification.intact()).as(verification.problem()).isTrue();
        assertThat(verification.rowsChecked()).isGreaterThanOrEqualTo(written);
        assertThat(second.getBean(AuditVerifier.class).verify().intact()).isTrue();
    }
    @Test
    void aTokenRevokedOnOneInstanceIsRefusedAtOnceOnTheOther() {
        Organisation hospital = identities.organisation(OrganisationKind.REFERRING_HOSPITAL);
        var issued = firstTokens.create(Actor.system("two instances test"),
                new ApiTokenManagement.NewApiToken(hospital.id(), "Revoked at once", Set.of(Role.REFERRER)));
        Http onSecond = Http.token(secondPort, issued.secret());
        CredentialCache secondCache = second.getBean(CredentialCache.class);
        awaitTrue("the second instance listens for credential changes", secondCache::isListening);
        assertThat(onSecond.get("/api/v1/me").statusCode()).isEqualTo(200);
        long hits = secondCache.statistics().hits();
        assertThat(onSecond.get("/api/v1/me").statusCode()).isEqualTo(200);
        assertThat(secondCache.statistics().hits()).as("the token came from the second instance's cache")
                .isGreaterThan(hits);

        firstTokens.revoke(Actor.system("two instances test"), issued.token().id(), "lost laptop");

        awaitTrue("the revoked token is refused on the second instance",
                () -> onSecond.get("/api/v1/me").statusCode() == 401);
    }

    @Test
    void aUserDisabledOnOneInstanceIsSignedOutAtOnceOnTheOther() {
        Organisation centre = identities.organisation(OrganisationKind.TREATMENT_CENTRE);
        UserAccount user = identities.user(centre, Role.COORDINATOR);
        Http onSecond = Http.signedIn(secondPort, user.username(), IdentityFixtures.PASSWORD);
        CredentialCache secondCache = second.getBean(CredentialCache.class);
        assertThat(onSecond.get("/api/v1/me").statusCode()).isEqualTo(200);
        long hits = secondCache.statistics().hits();
        assertThat(onSecond.get("/api/v1/me").statusCode()).isEqualTo(200);
        assertThat(secondCache.statistics().hits()).as("the user came from the second instance's cache")
                .isGreaterThan(hits);

        identities.disable(user); // on the first instance

        awaitTrue("the disabled user is refused on the second instance",
                () -> onSecond.get("/api/v1/me").statusCode() == 401);
    }

    @Test
    void aLostListenerConnectionEmptiesTheCacheSoTheNextRequestReadsTheDatabase() {
        Organisation hospital = identities.organisation(OrganisationKind.REFERRING_HOSPITAL);
        var issued = firstTokens.create(Actor.system("two instances test"),
                new ApiTokenManagement.NewApiToken(hospital.id(), "Listener cut", Set.of(Role.REFERRER)));
        Http onFirst = Http.token(firstPort, issued.secret());
        awaitTrue("the first instance listens for credential changes", firstCache::isListening);
        onFirst.get("/api/v1/me");
        long lost = firstCache.statistics().connectionsLost();
        int backend = firstListener.backendProcess().orElseThrow();

        // the listening connection is cut, as a restarted database or a dropped network connection would cut it
        assertThat(jdbc.sql("select pg_terminate_backend(?)").param(backend).query(Boolean.class).single()).isTrue();
        awaitTrue("the cut connection is noticed", () -> firstCache.statistics().connectionsLost() > lost);

        CredentialCache.Statistics before = firstCache.statistics();
        assertThat(onFirst.get("/api/v1/me").statusCode()).isEqualTo(200);
        CredentialCache.Statistics after = firstCache.statistics();
        assertThat(after.hits()).as("nothing cached before the cut is served").isEqualTo(before.hits());
        assertThat(after.bypasses() + after.misses()).as("the token was read from the database")
                .isGreaterThan(before.bypasses() + before.misses());
        // it reconnects after a pause of a second
        awaitTrue("the listener listens again on a new connection", Duration.ofSeconds(5), firstCache::isListening);
    }

    /** Polls every 20 ms for at most 2 seconds: a notice arrives within milliseconds of the commit. */
    private static void awaitTrue(String what, BooleanSupplier condition) {
        awaitTrue(what, Duration.ofSeconds(2), condition);
    }

    private static void awaitTrue(String what, Duration within, BooleanSupplier condition) {
        await(what).atMost(within).pollInterval(Duration.ofMillis(20)).until(condition::getAsBoolean);
    }
}
