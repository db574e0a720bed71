package org.cartpath.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cartpath.audit.AuditTrail;
import org.cartpath.catalogue.internal.BundledCatalogue;
import org.cartpath.catalogue.internal.CatalogueSeeding;
import org.cartpath.catalogue.internal.CatalogueYaml;
import org.cartpath.catalogue.internal.LabelVersionDocuments;
import org.cartpath.catalogue.internal.LabelVersionReader;
import org.cartpath.catalogue.internal.StoredLabelVersions;
import org.cartpath.shared.Actor;
import org.cartpath.testing.CartpathIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The bundled label versions are in the database once, audited once, and can never be rewritten. */
@CartpathIntegrationTest
class CatalogueSeedingIT {

    @Autowired
    CatalogueSeeding seeding;

    @Autowired
    BundledCatalogue bundled;

    @Autowired
    StoredLabelVersions stored;

    @Autowired
    Catalogue catalogue;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    AuditTrail audit;

    @Test
    void everyBundledVersionIsStoredAndAuditedAtStartUp() {
        for (BundledCatalogue.BundledVersion v : bundled.versions()) {
            assertThat(catalogue.labelVersion(v.version().id())).contains(v.version());
            assertThat(jdbc.sql("""
                    select count(*) from audit_event
                    where action = 'LABEL_VERSION_ADDED' and entity_type = 'LabelVersion' and entity_id = ?""")
                    .param(v.version().id()).query(Long.class).single()).isEqualTo(1);
        }
        assertThat(jdbc.sql("select origin from catalogue_label_version where id = 'KYMRIAH-US-2025-06'")
                .query(String.class).single()).isEqualTo("BUNDLED");
    }

    @Test
    void seedingAgainAddsAndAuditsNothing() {
        long rows = count("select count(*) from catalogue_label_version");
        long audits = count("select count(*) from audit_event");
        assertThat(seeding.seed()).isZero();
        assertThat(seeding.seed()).isZero();
        assertThat(count("select count(*) from catalogue_label_version")).isEqualTo(rows);
        assertThat(count("select count(*) from audit_event")).isEqualTo(audits);
    }

    @Test
    void twoInstancesAddingTheSameVersionAtOnceStoreItOnce() throws Exception {
        String text = LabelVersionDocuments.valid("KYMRIAH-US-2190-01", "2190-01-01");
        Object tree = CatalogueYaml.parse(text);
        LabelVersion version = LabelVersionReader.read(tree);
        Actor actor = Actor.system("race test");
        int racers = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                Callable<Boolean> insert = () -> {
                    start.await();
                    // as the catalogue's services do: the row and its audit row in one transaction
                    return transaction.execute(s -> {
                        boolean inserted = stored.insertIfAbsent(version, tree, "ADDED", null, text, actor).inserted();
                        if (inserted) {
                            audit.record(actor, "LABEL_VERSION_ADDED", "LabelVersion", version.id(), null,
                                    Map.of("id", version.id()), "race test");
                        }
                        return inserted;
                    });
                };
                results.add(pool.submit(insert));
            }
            start.countDown();
            int inserted = 0;
            for (Future<Boolean> result : results) {
                inserted += result.get() ? 1 : 0;
            }
            assertThat(inserted).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("select count(*) from catalogue_label_version where id = 'KYMRIAH-US-2190-01'")).isEqualTo(1);
    }

    @Test
    void storedVersionsCanBeNeitherChangedNorDeleted() {
        assertThatThrownBy(() -> jdbc.sql("update catalogue_label_version set effective_from = date '2000-01-01' "
                + "where id = 'KYMRIAH-US-2025-06'").update()).hasMessageContaining("catalogue_label_version");
        assertThatThrownBy(() -> jdbc.sql("delete from catalogue_label_version where id = 'KYMRIAH-US-2025-06'").update())
                .hasMessageContaining("catalogue_label_version");
        assertThat(catalogue.labelVersion("KYMRIAH-US-2025-06")).isPresent();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
