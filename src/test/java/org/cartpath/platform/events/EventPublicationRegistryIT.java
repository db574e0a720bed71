package org.cartpath.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cartpath.journey.Stage;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.CaseFixtures;
import org.cartpath.testing.Http;
import org.cartpath.testing.IdentityFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The event publication registry (docs/adr/0022-reactions-through-the-event-publication-registry.md): a reaction
 * after commit is recorded in the publishing transaction and completed (archived) once its listener has run; a listener
 * that fails leaves its publication incomplete, visible on the administrators' page, and a resubmission completes it
 * with its effect once.
 */
@CartpathIntegrationTest
class EventPublicationRegistryIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String PAGE = "/admin/event-publications";

    @LocalServerPort
    int port;

    @Autowired
    CaseFixtures cases;

    @Autowired
    IdentityFixtures identity;

    @Autowired
    RegistryProbe probe;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    private Optional<Map<String, Object>> publication(String table, String eventType, String needle) {
        return jdbc.sql("select id, status, completion_date, listener_id from " + table
                        + " where event_type = ? and serialized_event like ?")
                .params(eventType, "%" + needle + "%").query().listOfRows().stream().findFirst();
    }

    private long probeEffects(UUID id) {
        return jdbc.sql("select count(*) from audit_event where action = ? and entity_id = ?")
                .params(RegistryProbe.ACTION, id.toString()).query(Long.class).single();
    }

    private void publishProbe(UUID id) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> events.publishEvent(new RegistryProbe.Probed(id)));
    }

    @Test
    void aReactionIsRecordedInThePublishingTransactionAndArchivedOnceItsListenerHasRun() {
        // inside the booking's transaction, before its commit, the publication to the manufacturer's notices is there
        CaseFixtures.World world = new TransactionTemplate(transactions).execute(status -> {
            CaseFixtures.World booked = cases.caseAt(Stage.SLOT_BOOKED, null);
            Map<String, Object> pending = publication("event_publication", "org.cartpath.scheduling.SlotBooked",
                    booked.therapyCase().id().value().toString()).orElseThrow();
            assertThat(pending.get("completion_date")).isNull();
            assertThat((String) pending.get("listener_id")).contains("BookingNotices");
            return booked;
        });
        String caseId = world.therapyCase().id().value().toString();

        await().atMost(WAIT).untilAsserted(() -> {
            Map<String, Object> done = publication("event_publication_archive", "org.cartpath.scheduling.SlotBooked",
                    caseId).orElseThrow();
            assertThat(done.get("completion_date")).isNotNull();
            assertThat(done.get("status")).isEqualTo("COMPLETED");
        });
        assertThat(publication("event_publication", "org.cartpath.scheduling.SlotBooked", caseId)).isEmpty();
    }

    @Test
    void aListenerThatFailsLeavesAnIncompletePublicationThatAResubmissionCompletesWithItsEffectOnce() {
        UUID id = UUID.randomUUID();
        String type = RegistryProbe.Probed.class.getName();
        probe.failWhileSet(id);
        publishProbe(id);

        await().atMost(WAIT).untilAsserted(() -> assertThat(publication("event_publication", type, id.toString()))
                .hasValueSatisfying(row -> assertThat(row.get("status")).isEqualTo("FAILED")));
        // the listener wrote its effect and then failed: its transaction took the effect back
        assertThat(probeEffects(id)).isZero();
        UUID publicationId = (UUID) publication("event_publication", type, id.toString()).orElseThrow().get("id");

        Http admin = Http.signedIn(port, "admin", "cartpath-demo");
        HttpResponse<String> page = admin.get(PAGE);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-publication=\"" + publicationId + "\"").contains("Probed")
                .contains("RegistryProbe.on").contains("Failed");

        probe.succeed(id);
        HttpResponse<String> resubmitted = admin.postForm(PAGE + "/" + publicationId + "/resubmission", Map.of());
        assertThat(resubmitted.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'EVENT_PUBLICATION_RESUBMITTED'"
                + " and entity_id = ?").param(publicationId.toString()).query(Long.class).single())
                .isEqualTo(1);

        await().atMost(WAIT).untilAsserted(() -> assertThat(publication("event_publication_archive", type, id.toString()))
                .hasValueSatisfying(row -> assertThat(row.get("completion_date")).isNotNull()));
        assertThat(publication("event_publication", type, id.toString())).isEmpty();
        assertThat(probeEffects(id)).isEqualTo(1);

        // a completed publication is no longer offered: trying it again is a 404 and changes nothing
        assertThat(admin.postForm(PAGE + "/" + publicationId + "/resubmission", Map.of()).statusCode()).isEqualTo(404);
        assertThat(admin.get(PAGE).body()).doesNotContain(publicationId.toString());
        assertThat(probeEffects(id)).isEqualTo(1);
    }

    @Test
    void onlyTheOperatorsAdministratorsSeeOrResubmitPublications() {
        CaseFixtures.World world = cases.caseAt(Stage.REFERRED, null);
        Http coordinator = Http.signedIn(port, world.coordinator().username(), IdentityFixtures.PASSWORD);
        assertThat(coordinator.get(PAGE).statusCode()).isEqualTo(403);
        assertThat(coordinator.postForm(PAGE + "/" + UUID.randomUUID() + "/resubmission", Map.of()).statusCode())
                .isEqualTo(403);
        assertThat(Http.signedIn(port, "admin", "cartpath-demo")
                .postForm(PAGE + "/" + UUID.randomUUID() + "/resubmission", Map.of()).statusCode()).isEqualTo(404);
    }
}
