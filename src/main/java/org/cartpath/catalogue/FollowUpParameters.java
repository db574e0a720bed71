package org.cartpath.catalogue;

import java.util.List;

/**
 * The catalogue's follow-up defaults ({@code catalogue/parameters/follow-up.yaml}, docs/clinical/follow-up-schedule.md):
 * the registry track a genetically modified commercial product's case gets (a track's name as the followup module
 * spells it, e.g. {@code CIBMTR_15_YEAR}) with its source, and the clinic visits a centre plans when it has no
 * schedule of its own: the listed days after day 0, then yearly to {@code yearlyToYear}.
 */
public record FollowUpParameters(String id, String geneticallyModifiedCommercialTrack, String trackSource,
        List<Integer> clinicVisitDays, int clinicYearlyToYear, String clinicSource) {

    public FollowUpParameters {
        clinicVisitDays = List.copyOf(clinicVisitDays);
    }

    /** The default track for a product: every product in the catalogue is genetically modified and commercial. */
    public String defaultTrack(ProductCode product) {
        return geneticallyModifiedCommercialTrack;
    }
}
