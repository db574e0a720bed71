package org.cartpath.catalogue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What one label (a US prescribing information, an EU or UK summary of product characteristics with, for
 * the UK, NICE's recommendations) says about a product, from its effective date until a later version of
 * the same product and jurisdiction takes effect. Never changed once added: a correction is a new version.
 *
 * @param id            e.g. {@code KYMRIAH-US-2025-06}; always starts with the product and jurisdiction
 * @param effectiveFrom the first day this version applies
 * @param document      the documents this version was compiled from
 * @param indications   what the product may be used for under this label, each with its own dose and
 *                      lymphodepletion; at most one per {@link Indication}
 */
public record LabelVersion(
        String id,
        ProductCode product,
        Jurisdiction jurisdiction,
        LocalDate effectiveFrom,
        LabelDocument document,
        List<LabelledIndication> indications,
        ReleaseSpecification release,
        MonitoringParameters monitoring,
        LeadTimes leadTimes) {

    public LabelVersion {
        indications = List.copyOf(indications);
    }

    public Optional<LabelledIndication> indication(Indication indication) {
        return indications.stream().filter(i -> i.indication() == indication).findFirst();
    }

    /**
     * The documents a version was compiled from.
     *
     * @param title             what was read, e.g. "KYMRIAH US Prescribing Information, revised 6/2025"
     * @param url               where it can be found, if known
     * @param effectiveFromNote how the effective date was chosen
     * @param note              what the version leaves out, or anything else a reader should know
     */
    public record LabelDocument(String title, String url, String effectiveFromNote, String note) {
    }
}
