package org.cartpath.catalogue;

import org.cartpath.audit.AuditTrail;
import org.cartpath.catalogue.internal.CatalogueYaml;
import org.cartpath.catalogue.internal.InvalidCatalogueDocument;
import org.cartpath.catalogue.internal.LabelVersionAudit;
import org.cartpath.catalogue.internal.LabelVersionReader;
import org.cartpath.catalogue.internal.LabelVersionStore;
import org.cartpath.catalogue.internal.StoredLabelVersions;
import org.cartpath.shared.Actor;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adding label versions: the operator's administrators add a new version, as YAML, when a label changes. The
 * document is checked exactly as the bundled files are; versions are never changed or removed.
 */
@Service
public class LabelVersionManagement {

    private final StoredLabelVersions stored;
    private final LabelVersionStore store;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    LabelVersionManagement(StoredLabelVersions stored, LabelVersionStore store, AuditTrail audit,
            ApplicationEventPublisher events) {
        this.stored = stored;
        this.store = store;
        this.audit = audit;
        this.events = events;
    }

    /** Whether an actor may add label versions: administrators of the operating organisation. */
    public static boolean mayAdd(Actor actor) {
        return actor.type() == Actor.ActorType.INTERNAL || (actor.operator() && actor.hasRole(Role.ADMINISTRATOR));
    }

    /**
     * Checks and adds a label version given as YAML (or JSON).
     *
     * @throws ProblemException 403 unless {@link #mayAdd}; 400 naming the field at fault; 409 if the id is
     *                          taken or another version of the product and jurisdiction takes effect that day
     */
    @Transactional
    public LabelVersion add(Actor actor, String document) {
        if (!mayAdd(actor)) {
            throw ProblemException.forbidden("Only administrators of the operating organisation add label versions");
        }
        Object tree;
        LabelVersion version;
        try {
            tree = CatalogueYaml.parse(document);
            version = LabelVersionReader.read(tree);
        } catch (InvalidCatalogueDocument e) {
            throw ProblemException.invalid(e.path(), e.reason());
        }
        StoredLabelVersions.Stored result = stored.insertIfAbsent(version, tree, "ADDED", null, document, actor);
        if (!result.inserted()) {
            throw conflict(version);
        }
        audit.record(actor, "LABEL_VERSION_ADDED", "LabelVersion", version.id(), null,
                LabelVersionAudit.view(version, result.digest(), "ADDED"), null);
        events.publishEvent(new LabelVersionAdded(version.id(), version.product(), version.jurisdiction(),
                version.effectiveFrom()));
        return version;
    }

    private ProblemException conflict(LabelVersion version) {
        if (store.exists(version.id())) {
            return ProblemException.conflict("duplicate-label-version", "Label version " + version.id()
                    + " already exists. Versions are never changed: give the new version a new id.");
        }
        String other = store.idEffectiveOn(version.product(), version.jurisdiction(), version.effectiveFrom())
                .orElse("another version");
        return ProblemException.conflict("duplicate-label-version", other + " of " + version.product() + " ("
                + version.jurisdiction() + ") already takes effect on " + version.effectiveFrom()
                + ". Choose another effective date.");
    }
}
