package org.cartpath.catalogue.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cartpath.audit.AuditTrail;
import org.cartpath.catalogue.Catalogue;
import org.cartpath.testing.CartpathIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A database created before a bundled file's source texts were reworded (the numbers unchanged) still starts: the
 * stored version is kept as it is, nothing is added or audited, and the version reads as before (ADR 0010: a
 * bundled file that differs from the stored version of the same id is logged and ignored).
 */
@CartpathIntegrationTest
class ChangedBundledSourcesIT {

    private static final String VERSION = "KYMRIAH-US-2025-06";

    @Autowired
    StoredLabelVersions stored;

    @Autowired
    LabelVersionStore store;

    @Autowired
    AuditTrail audit;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    Environment environment;

    @Autowired
    Catalogue catalogue;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aBundledFileWhoseSourcesDifferFromTheStoredVersionChangesNothingAndDoesNotStopSeeding(@TempDir Path dir)
            throws IOException {
        for (var resource : new PathMatchingResourcePatternResolver().getResources(BundledCatalogue.LOCATION)) {
            String text = new String(resource.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (resource.getFilename().equals("kymriah.yaml")) {
                String reworded = text.replace("source: \"Kymriah USPI §1: up to 25 years of age\"",
                        "source: \"Kymriah US prescribing information, section 1: up to 25 years of age\"");
                assertThat(reworded).as("the source text to reword").isNotEqualTo(text);
                text = reworded;
            }
            Files.writeString(dir.resolve(resource.getFilename()), text, StandardCharsets.UTF_8);
        }
        BundledCatalogue reworded = new BundledCatalogue("file:" + dir.toAbsolutePath() + "/*.yaml");
        var before = catalogue.labelVersion(VERSION).orElseThrow();
        String digest = store.digest(VERSION).orElseThrow();
        long audited = labelVersionsAudited();

        int added = new CatalogueSeeding(reworded, stored, store, audit, transaction, environment).seed();

        assertThat(added).isZero();
        assertThat(store.digest(VERSION)).contains(digest);
        assertThat(stored.digestOf(reworded.versions().stream().filter(v -> v.version().id().equals(VERSION))
                .findFirst().orElseThrow().document())).as("the reworded document differs").isNotEqualTo(digest);
        assertThat(catalogue.labelVersion(VERSION)).contains(before);
        assertThat(labelVersionsAudited()).isEqualTo(audited);
    }

    private long labelVersionsAudited() {
        return jdbc.sql("select count(*) from audit_event where action = 'LABEL_VERSION_ADDED'").query(Long.class)
                .single();
    }
}
