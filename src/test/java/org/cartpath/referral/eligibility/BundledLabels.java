package org.cartpath.referral.eligibility;

import org.cartpath.catalogue.Indication;
import org.cartpath.catalogue.LabelVersion;
import org.cartpath.catalogue.LabelledIndication;
import org.cartpath.catalogue.Product;
import org.cartpath.catalogue.internal.BundledCatalogue;
import org.cartpath.patient.ClinicalSnapshot;
import org.cartpath.referral.EligibilityEvaluation;

/** The label versions shipped in src/main/resources/catalogue: the tables test the criteria as configured. */
final class BundledLabels {

    static final BundledCatalogue CATALOGUE = new BundledCatalogue();

    private BundledLabels() {
    }

    static LabelVersion version(String id) {
        return CATALOGUE.versions().stream().map(BundledCatalogue.BundledVersion::version)
                .filter(v -> v.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no bundled label version " + id));
    }

    static EligibilityEvaluation evaluate(String versionId, Indication indication, ClinicalSnapshot snapshot) {
        LabelVersion version = version(versionId);
        LabelledIndication labelled = version.indication(indication)
                .orElseThrow(() -> new AssertionError(versionId + " has no " + indication));
        Product product = CATALOGUE.product(version.product());
        return EligibilityEngine.evaluate(product, version, labelled, snapshot);
    }
}
