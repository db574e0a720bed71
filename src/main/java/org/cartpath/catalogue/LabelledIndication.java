package org.cartpath.catalogue;

import java.util.List;

/**
 * An indication as one label words it, with how to treat it.
 *
 * @param text               the label's wording, shortened
 * @param eligibility        the ways a patient can qualify: any one pathway suffices, and within a pathway
 *                           every criterion must hold
 * @param lymphodepletion    the regimens the label allows (alternatives); empty only with a note
 * @param lymphodepletionNote why no regimen is given, when none is
 */
public record LabelledIndication(
        Indication indication,
        String text,
        String source,
        List<EligibilityPathway> eligibility,
        DoseRule dose,
        List<LymphodepletionRegimen> lymphodepletion,
        String lymphodepletionNote) {

    public LabelledIndication {
        eligibility = List.copyOf(eligibility);
        lymphodepletion = List.copyOf(lymphodepletion);
    }
}
