package org.cartpath.treatment.internal;

import java.util.Optional;
import org.cartpath.catalogue.Catalogue;
import org.cartpath.catalogue.Indication;
import org.cartpath.catalogue.Jurisdiction;
import org.cartpath.catalogue.LabelVersion;
import org.cartpath.catalogue.LabelledIndication;
import org.cartpath.catalogue.ProductCode;
import org.cartpath.journey.TherapyCase;
import org.cartpath.shared.ProblemException;
import org.springframework.stereotype.Component;

/**
 * The label a case is treated under: the version it was assessed under, else the one in force today (ADR 10: a case
 * keeps the version it was assessed under), and the case's indication as that label words it.
 */
@Component
public class CaseLabel {

    private final Catalogue catalogue;

    CaseLabel(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    public record Labelled(LabelVersion version, Indication indication, LabelledIndication labelled) {
    }

    public Optional<Labelled> find(TherapyCase therapyCase) {
        Optional<LabelVersion> version;
        Indication indication;
        try {
            version = therapyCase.labelVersionId() != null ? catalogue.labelVersion(therapyCase.labelVersionId())
                    : catalogue.currentLabelVersion(ProductCode.valueOf(therapyCase.productCode()),
                            Jurisdiction.valueOf(therapyCase.jurisdiction()));
            indication = Indication.valueOf(therapyCase.indication());
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return Optional.empty();
        }
        return version.flatMap(v -> v.indication(indication).map(l -> new Labelled(v, indication, l)));
    }

    /** The label, or 422 {@code not-in-catalogue}. */
    public Labelled require(TherapyCase therapyCase) {
        return find(therapyCase).orElseThrow(() -> ProblemException.unprocessable("not-in-catalogue", "The catalogue holds"
                + " no label of " + therapyCase.productCode() + " for " + therapyCase.indication() + " ("
                + therapyCase.jurisdiction() + ") that case " + therapyCase.reference() + " could be treated under"));
    }

    public Catalogue catalogue() {
        return catalogue;
    }
}
