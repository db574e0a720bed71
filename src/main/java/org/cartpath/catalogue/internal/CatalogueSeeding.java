package org.cartpath.catalogue.internal;

import org.cartpath.audit.AuditTrail;
import org.cartpath.catalogue.internal.BundledCatalogue.BundledVersion;
import org.cartpath.shared.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts the bundled label versions into the database when the application starts, before it serves
 * requests. Idempotent and safe with several instances starting at once: a version already there (by id,
 * or by product, jurisdiction and day) is left as it is, and only an insert is audited.
 */
@Component
public class CatalogueSeeding implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(CatalogueSeeding.class);

    private final BundledCatalogue bundled;
    private final StoredLabelVersions stored;
    private final LabelVersionStore store;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final Environment environment;

    CatalogueSeeding(BundledCatalogue bundled, StoredLabelVersions stored, LabelVersionStore store, AuditTrail audit,
            TransactionTemplate transaction, Environment environment) {
        this.bundled = bundled;
        this.stored = stored;
        this.store = store;
        this.audit = audit;
        this.transaction = transaction;
        this.environment = environment;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (environment.getProperty("cartpath.cli", Boolean.class, false)) {
            return; // command-line tasks (audit-verify) must not change the database
        }
        int added = seed();
        if (added > 0) {
            log.info("Catalogue: added {} bundled label versions", added);
        }
    }

    /** Adds the bundled versions the database does not hold yet; returns how many it added. */
    public int seed() {
        Actor seed = Actor.system("catalogue seed");
        int added = 0;
        for (BundledVersion v : bundled.versions()) {
            Boolean inserted = transaction.execute(status -> {
                var result = stored.insertIfAbsent(v.version(), v.document(), "BUNDLED", v.file(), null, seed);
                if (result.inserted()) {
                    audit.record(seed, "LABEL_VERSION_ADDED", "LabelVersion", v.version().id(), null,
                            LabelVersionAudit.view(v.version(), result.digest(), "BUNDLED"), "Bundled in " + v.file());
                }
                return result.inserted();
            });
            if (Boolean.TRUE.equals(inserted)) {
                added++;
            } else {
                warnIfDifferent(v);
            }
        }
        return added;
    }

    /** A shipped file must never rewrite a version: a changed label needs a new version id. */
    private void warnIfDifferent(BundledVersion v) {
        String expected = stored.digestOf(v.document());
        store.digest(v.version().id()).filter(actual -> !actual.equals(expected)).ifPresent(actual -> log.warn(
                "Catalogue: {} in {} differs from the stored version of that id, which is kept. Label versions are "
                        + "never changed: give the new content a new version id.", v.version().id(), v.file()));
        if (!store.exists(v.version().id())) {
            log.warn("Catalogue: {} in {} was not added: another version of {} {} takes effect on {}", v.version().id(),
                    v.file(), v.version().product(), v.version().jurisdiction(), v.version().effectiveFrom());
        }
    }
}
