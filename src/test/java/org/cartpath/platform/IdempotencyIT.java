package org.cartpath.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cartpath.identity.Organisation;
import org.cartpath.identity.UserAccount;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.Role;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.Http;
import org.cartpath.testing.IdentityFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Idempotency-Key: a replay returns the first answer, a reused key is 422, one in flight is 409. */
@CartpathIntegrationTest
class IdempotencyIT {

    @LocalServerPort
    int port;

    @Autowired
    IdentityFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    Organisation hospital;
    Http admin;

    @BeforeEach
    void anAdministrator() {
        hospital = fixtures.organisation(OrganisationKind.REFERRING_HOSPITAL);
        UserAccount user = fixtures.user(hospital, Role.ADMINISTRATOR);
        admin = Http.signedIn(port, user.username(), IdentityFixtures.PASSWORD);
    }

    private Map<String, Object> newUser(String username) {
        return Map.of("organisationId", hospital.id().toString(), "username", username, "displayName", "Dr Replay",
                "roles", List.of("REFERRER"));
    }

    private HttpResponse<String> post(Object body, String key) {
        return admin.sendJson("POST", "/api/v1/users", body, Map.of("Idempotency-Key", key));
    }

    private long usersNamed(String username) {
        return jdbc.sql("select count(*) from app_user where username = ?").param(username).query(Long.class).single();
    }

    @Test
    void aReplayReturnsTheFirstAnswerAndHasNoSecondEffect() {
        String username = "replay." + System.nanoTime();
        String key = "key-" + System.nanoTime();
        HttpResponse<String> first = post(newUser(username), key);
        HttpResponse<String> second = post(newUser(username), key);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.headers().firstValue("Idempotent-Replay")).contains("true");
        assertThat(usersNamed(username)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'USER_CREATED' and after_state like ?")
                .param("%" + username + "%").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIs422AndChangesNothing() {
        String key = "key-" + System.nanoTime();
        String first = "first." + System.nanoTime();
        String other = "other." + System.nanoTime();
        assertThat(post(newUser(first), key).statusCode()).isEqualTo(201);
        HttpResponse<String> reused = post(newUser(other), key);
        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(Http.json(reused).get("type").asText()).isEqualTo("/problems/idempotency-key-reused");
        assertThat(usersNamed(other)).isZero();
    }

    @Test
    void aRefusedRequestIsReplayedAsRefusedAndWritesNothing() {
        String key = "key-" + System.nanoTime();
        Map<String, Object> invalid = Map.of("organisationId", hospital.id().toString(), "username", "BAD NAME");
        HttpResponse<String> first = post(invalid, key);
        HttpResponse<String> second = post(invalid, key);
        assertThat(first.statusCode()).isEqualTo(400);
        assertThat(second.statusCode()).isEqualTo(400);
        assertThat(second.body()).isEqualTo(first.body());
        // a conflict inside the handler (duplicate username) rolls its transaction back and is kept as answered
        String taken = "taken." + System.nanoTime();
        assertThat(post(newUser(taken), "k1-" + System.nanoTime()).statusCode()).isEqualTo(201);
        String conflictKey = "k2-" + System.nanoTime();
        assertThat(post(newUser(taken), conflictKey).statusCode()).isEqualTo(409);
        assertThat(post(newUser(taken), conflictKey).headers().firstValue("Idempotent-Replay")).contains("true");
        assertThat(usersNamed(taken)).isEqualTo(1);
    }

    @Test
    void concurrentDeliveriesOfOneRequestHaveExactlyOneEffect() throws Exception {
        String username = "parallel." + System.nanoTime();
        String key = "key-" + System.nanoTime();
        admin.get("/"); // fetch the CSRF token once, before the threads share the session
        int deliveries = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(deliveries);
        List<Future<HttpResponse<String>>> results = new ArrayList<>();
        try {
            for (int i = 0; i < deliveries; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return post(newUser(username), key);
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<HttpResponse<String>> result : results) {
                HttpResponse<String> response = result.get();
                statuses.add(response.statusCode());
                if (response.statusCode() == 409) {
                    assertThat(Http.json(response).get("type").asText()).isEqualTo("/problems/idempotency-key-in-flight");
                }
            }
            assertThat(statuses).allMatch(status -> status == 201 || status == 409).contains(201);
        } finally {
            pool.shutdown();
        }
        assertThat(usersNamed(username)).isEqualTo(1);
        assertThat(post(newUser(username), key).statusCode()).as("after they settle, a replay").isEqualTo(201);
    }

    @Test
    void keysBelongToTheirCallerAndMustBeWellFormed() {
        String key = "shared-key-" + System.nanoTime();
        assertThat(post(newUser("a." + System.nanoTime()), key).statusCode()).isEqualTo(201);
        Organisation other = fixtures.organisation(OrganisationKind.REFERRING_HOSPITAL);
        Http otherAdmin = Http.signedIn(port, fixtures.user(other, Role.ADMINISTRATOR).username(), IdentityFixtures.PASSWORD);
        HttpResponse<String> otherCaller = otherAdmin.sendJson("POST", "/api/v1/users", Map.of("organisationId",
                other.id().toString(), "username", "b." + System.nanoTime(), "displayName", "Dr Other", "roles",
                List.of("REFERRER")), Map.of("Idempotency-Key", key));
        assertThat(otherCaller.statusCode()).isEqualTo(201);
        assertThat(post(newUser("c." + System.nanoTime()), "short").statusCode()).isEqualTo(400);
    }
}
