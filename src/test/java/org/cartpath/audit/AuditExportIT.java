package org.cartpath.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.Role;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.Http;
import org.cartpath.testing.IdentityFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The operator's administrator exports the whole trail from the running application; the file verifies offline with
 * the downloaded public key, and neither a changed byte nor another key verifies. Other organisations' administrators
 * may download the key but not the trail, which holds every organisation's rows.
 */
@CartpathIntegrationTest
class AuditExportIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IdentityFixtures fixtures;

    @Test
    void anExportFromTheRunningApplicationVerifiesOfflineAndAChangedByteDoesNot() throws IOException {
        Http admin = Http.signedIn(port, "admin", "cartpath-demo");
        HttpResponse<byte[]> download = admin.download("/api/v1/audit-events/export");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        String export = new String(download.body(), StandardCharsets.UTF_8);
        HttpResponse<String> keyResponse = admin.get("/api/v1/audit-events/public-key");
        assertThat(keyResponse.statusCode()).isEqualTo(200);
        PublicKey key = OfflineAuditVerifier.readPublicKey(keyResponse.body());

        OfflineAuditVerifier.Result result = verify(export, key);
        assertThat(result.intact()).as(result.problem()).isTrue();
        assertThat(result.rows()).isPositive();
        assertThat(result.signedUpTo()).as("the export signs its last row").isEqualTo(result.rows());
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'AUDIT_TRAIL_EXPORTED' and actor_name = ?")
                .param("Jo Turner").query(Long.class).single()).as("the export is audited").isPositive();

        int middle = export.indexOf("\"type\":\"row\"", export.length() / 2);
        int at = export.lastIndexOf("Z\\\"", middle);
        String tampered = export.substring(0, at - 1) + (export.charAt(at - 1) == '1' ? '2' : '1') + export.substring(at);
        OfflineAuditVerifier.Result broken = verify(tampered, key);
        assertThat(broken.intact()).isFalse();
        assertThat(broken.firstBrokenSeq()).isNotNull();
        assertThat(broken.problem()).contains("altered");

        assertThat(verify(export, ExportSamples.newKey().getPublic()).intact()).as("another key").isFalse();
    }

    @Test
    void onlyTheOperatorsAdministratorsAndAuditorsExportTheTrailAndTheKeyIsForAdministratorsAndAuditors() {
        var centre = fixtures.organisation(OrganisationKind.TREATMENT_CENTRE);
        Http otherAdmin = Http.signedIn(port, fixtures.user(centre, Role.ADMINISTRATOR).username(),
                IdentityFixtures.PASSWORD);
        assertThat(otherAdmin.get("/api/v1/audit-events/export").statusCode()).isEqualTo(403);
        assertThat(otherAdmin.get("/api/v1/audit-events/public-key").statusCode()).isEqualTo(200);
        assertThat(otherAdmin.get("/admin/audit").body()).contains("audit-public-key").doesNotContain("audit-export");
        Http coordinator = Http.signedIn(port, "coordinator", "cartpath-demo");
        assertThat(coordinator.get("/api/v1/audit-events/public-key").statusCode()).isEqualTo(403);
        assertThat(coordinator.get("/api/v1/audit-events/export").statusCode()).isEqualTo(403);
        String page = Http.signedIn(port, "auditor", "cartpath-demo").get("/admin/audit").body();
        assertThat(page).contains("data-testid=\"audit-export\"").contains("data-testid=\"sealing-lag\"");
    }

    private static OfflineAuditVerifier.Result verify(String export, PublicKey key) throws IOException {
        return OfflineAuditVerifier.verify(new BufferedReader(new StringReader(export)), key);
    }
}
