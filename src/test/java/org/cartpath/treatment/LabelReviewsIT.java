package org.cartpath.treatment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cartpath.catalogue.LabelVersionManagement;
import org.cartpath.catalogue.internal.LabelVersionDocuments;
import org.cartpath.journey.Stage;
import org.cartpath.shared.Actor;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.CaseFixtures;
import org.cartpath.testing.Http;
import org.cartpath.testing.IdentityFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A new label version opens a review for the pharmacy of every centre treating with the product under that
 * jurisdiction, after the version is committed (docs/adr/0022-reactions-through-the-event-publication-registry.md);
 * a pharmacist of the centre marks it reviewed on the pharmacy page, audited, once.
 */
@CartpathIntegrationTest
class LabelReviewsIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Actor OPERATOR = Actor.system("label reviews test");

    @LocalServerPort
    int port;

    @Autowired
    CaseFixtures cases;

    @Autowired
    LabelVersionManagement labels;

    @Autowired
    JdbcClient jdbc;

    private List<Map<String, Object>> reviews(String labelVersionId) {
        return jdbc.sql("select id, centre_id, reviewed_at, reviewed_by_name, note from pharmacy_label_review"
                + " where label_version_id = ?").param(labelVersionId).query().listOfRows();
    }

    private Map<String, Object> reviewOf(CaseFixtures.World world, String labelVersionId) {
        return reviews(labelVersionId).stream().filter(r -> r.get("centre_id").equals(world.centre().id().value()))
                .findFirst().orElseThrow();
    }

    private void awaitCompleted(String labelVersionId) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(jdbc.sql("""
                select count(*) from event_publication_archive
                where event_type = 'org.cartpath.catalogue.LabelVersionAdded' and serialized_event like ?""")
                .param("%" + labelVersionId + "%").query(Long.class).single()).isEqualTo(1));
    }

    private Http as(org.cartpath.identity.UserAccount user) {
        return Http.signedIn(port, user.username(), IdentityFixtures.PASSWORD);
    }

    @Test
    void aNewLabelVersionOpensOneReviewForEachCentreTreatingWithTheProductUnderItsJurisdiction() {
        // every fixture case is Kymriah in the UK
        CaseFixtures.World world = cases.caseAt(Stage.REFERRED, null);
        labels.add(OPERATOR, LabelVersionDocuments.valid("KYMRIAH", "UK", "KYMRIAH-UK-2191-01", "2191-01-01"));
        labels.add(OPERATOR, LabelVersionDocuments.valid("KYMRIAH", "US", "KYMRIAH-US-2191-01", "2191-01-01"));

        awaitCompleted("KYMRIAH-UK-2191-01");
        awaitCompleted("KYMRIAH-US-2191-01");
        Map<String, Object> review = reviewOf(world, "KYMRIAH-UK-2191-01");
        assertThat(review.get("reviewed_at")).isNull();
        assertThat(reviews("KYMRIAH-UK-2191-01")).extracting(r -> r.get("centre_id")).doesNotHaveDuplicates();
        // the centre treats Kymriah under the UK label only: no review of the US version for it
        assertThat(reviews("KYMRIAH-US-2191-01")).extracting(r -> r.get("centre_id"))
                .doesNotContain(world.centre().id().value());
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'LABEL_REVIEW_OPENED' and entity_id = ?")
                .param(review.get("id").toString()).query(Long.class).single()).isEqualTo(1);

        String page = as(world.coordinator()).get("/pharmacy").body();
        assertThat(page).contains("New label versions to review").contains("data-label-version=\"KYMRIAH-UK-2191-01\"")
                .contains("To review").doesNotContain("KYMRIAH-US-2191-01").doesNotContain("Mark reviewed");
    }

    @Test
    void aPharmacistOfTheCentreMarksTheReviewDoneOnceAndItIsAudited() {
        CaseFixtures.World world = cases.caseAt(Stage.REFERRED, null);
        CaseFixtures.World other = cases.caseAt(Stage.REFERRED, null);
        labels.add(OPERATOR, LabelVersionDocuments.valid("KYMRIAH", "UK", "KYMRIAH-UK-2192-01", "2192-01-01"));
        awaitCompleted("KYMRIAH-UK-2192-01");
        UUID id = (UUID) reviewOf(world, "KYMRIAH-UK-2192-01").get("id");
        String path = "/pharmacy/label-reviews/" + id + "/review";

        assertThat(as(world.coordinator()).postForm(path, Map.of("note", "")).statusCode()).isEqualTo(403);
        assertThat(as(other.pharmacist()).postForm(path, Map.of("note", "")).statusCode()).isEqualTo(404);
        HttpResponse<String> tooLong = as(world.pharmacist()).postForm(path, Map.of("note", "x".repeat(501)));
        assertThat(tooLong.statusCode()).isEqualTo(200);
        assertThat(tooLong.body()).contains("There is a problem").contains("500 characters");
        assertThat(reviewOf(world, "KYMRIAH-UK-2192-01").get("reviewed_at")).isNull();

        Http pharmacist = as(world.pharmacist());
        HttpResponse<String> done = pharmacist.postForm(path, Map.of("note", "Checklist and protocol unchanged"));
        assertThat(done.statusCode()).isEqualTo(302);
        Map<String, Object> reviewed = reviewOf(world, "KYMRIAH-UK-2192-01");
        assertThat(reviewed.get("reviewed_at")).isNotNull();
        assertThat(reviewed.get("reviewed_by_name")).isEqualTo(world.pharmacist().displayName());
        assertThat(reviewed.get("note")).isEqualTo("Checklist and protocol unchanged");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'LABEL_REVIEW_DONE' and entity_id = ?")
                .param(id.toString()).query(Long.class).single()).isEqualTo(1);
        assertThat(pharmacist.get("/pharmacy").body()).contains("Reviewed").contains("Checklist and protocol unchanged");

        HttpResponse<String> again = pharmacist.postForm(path, Map.of("note", "Again"));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("There is a problem").contains("marked done by");
        assertThat(reviewOf(world, "KYMRIAH-UK-2192-01").get("note")).isEqualTo("Checklist and protocol unchanged");
        // the other centre's review is its own and still open
        assertThat(reviewOf(other, "KYMRIAH-UK-2192-01").get("reviewed_at")).isNull();
    }
}
