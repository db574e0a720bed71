package org.cartpath.monitoring.grading;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.cartpath.shared.ProblemException;

/**
 * What is observed at the bedside for a CRS grade: the raw findings, not the grade, so that the grade can be
 * audited and older scales (Lee 2014, Penn, CARTOX) derived later. Field names are those of the API.
 *
 * <p>The limits below are input sanity, not clinical rules, and cite no source: a temperature outside
 * 30–45 °C or a flow over 100 L/min is a typing error, not a patient.
 *
 * @param temperatureCelsius             the highest temperature of the assessment period
 * @param feverAttributableToOtherCause  the fever has another explanation (e.g. proven infection)
 * @param antipyreticOrAnticytokineGiven antipyretic or anti-cytokine treatment (tocilizumab, steroids) has
 *                                       already been given for CRS, which can mask fever
 * @param hypotension                    hypotension, with or without vasopressors
 * @param vasopressors                   the vasopressors running; any implies hypotension
 * @param oxygenDevice                   how oxygen is given
 * @param oxygenFlowLitresPerMinute      the flow; required on a nasal cannula, where 6 L/min separates
 *                                       low from high flow; otherwise optional
 * @param deathFromCrs                   the patient died of CRS
 */
public record CrsAssessment(
        BigDecimal temperatureCelsius,
        boolean feverAttributableToOtherCause,
        boolean antipyreticOrAnticytokineGiven,
        boolean hypotension,
        Set<Vasopressor> vasopressors,
        OxygenDevice oxygenDevice,
        BigDecimal oxygenFlowLitresPerMinute,
        boolean deathFromCrs) {

    static final BigDecimal LOWEST_TEMPERATURE = new BigDecimal("30");
    static final BigDecimal HIGHEST_TEMPERATURE = new BigDecimal("45");
    static final BigDecimal HIGHEST_FLOW = new BigDecimal("100");

    public CrsAssessment {
        if (temperatureCelsius == null) {
            throw ProblemException.invalid("temperatureCelsius", "is required");
        }
        if (temperatureCelsius.compareTo(LOWEST_TEMPERATURE) < 0 || temperatureCelsius.compareTo(HIGHEST_TEMPERATURE) > 0) {
            throw ProblemException.invalid("temperatureCelsius", "must be between 30 and 45 °C");
        }
        if (vasopressors == null) {
            throw ProblemException.invalid("vasopressors", "is required (an empty list when none is running)");
        }
        vasopressors = enumSet(vasopressors);
        if (oxygenDevice == null) {
            throw ProblemException.invalid("oxygenDevice", "is required (NONE on room air)");
        }
        checkFlow(oxygenDevice, oxygenFlowLitresPerMinute);
    }

    /** Hypotension as ASTCT grades it: a patient on vasopressors is hypotensive whatever the box says. */
    boolean hypotensive() {
        return hypotension || !vasopressors.isEmpty();
    }

    private static void checkFlow(OxygenDevice device, BigDecimal flow) {
        String field = "oxygenFlowLitresPerMinute";
        if (flow == null) {
            if (device == OxygenDevice.NASAL_CANNULA) {
                throw ProblemException.invalid(field,
                        "is required on a nasal cannula: up to 6 L/min is low flow, more is high flow");
            }
            return;
        }
        if (flow.signum() < 0) {
            throw ProblemException.invalid(field, "must be 0 or more");
        }
        if (flow.compareTo(HIGHEST_FLOW) > 0) {
            throw ProblemException.invalid(field, "must be at most 100 L/min");
        }
        if (device == OxygenDevice.NONE && flow.signum() > 0) {
            throw ProblemException.invalid(field, "must be empty or 0 when oxygenDevice is NONE");
        }
        if (device == OxygenDevice.NASAL_CANNULA && flow.signum() == 0) {
            throw ProblemException.invalid(field, "must be more than 0 on a nasal cannula");
        }
    }

    private static Set<Vasopressor> enumSet(Collection<Vasopressor> given) {
        Set<Vasopressor> set = EnumSet.noneOf(Vasopressor.class);
        for (Vasopressor vasopressor : given) {
            if (vasopressor == null) {
                throw ProblemException.invalid("vasopressors", "must not contain empty values");
            }
            set.add(vasopressor);
        }
        return Collections.unmodifiableSet(set);
    }
}
