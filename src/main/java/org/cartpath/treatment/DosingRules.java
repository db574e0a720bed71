package org.cartpath.treatment;

import java.time.Instant;
import java.util.UUID;
import org.cartpath.treatment.dosing.BodySurfaceArea;
import org.cartpath.treatment.lymphodepletion.DoseRounding;

/**
 * One version of a centre's dosing rules for lymphodepletion: the body surface area formula (Mosteller by default)
 * and how daily doses are rounded (whole milligrams by default).
 *
 * @param version   0 for cartpath's defaults
 * @param isDefault whether these are cartpath's defaults rather than the pharmacy's own
 */
public record DosingRules(UUID id, int version, BodySurfaceArea.Formula bsaFormula, DoseRounding rounding,
        boolean isDefault, String reason, String createdByName, Instant createdAt) {

    public static final DosingRules DEFAULTS = new DosingRules(null, 0, BodySurfaceArea.Formula.MOSTELLER,
            DoseRounding.WHOLE_MILLIGRAMS, true, "cartpath's default: Mosteller, whole milligrams", "cartpath", null);
}
