package org.cartpath.monitoring.grading;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The findings of one CRS assessment for a test, with safe defaults (afebrile, normotensive, room air), that
 * become either the domain's {@link CrsAssessment} or the API's JSON body, so both are tested with one table.
 */
public final class CrsCase {

    private BigDecimal temperatureCelsius = new BigDecimal("37.0");
    private boolean feverAttributableToOtherCause;
    private boolean antipyreticOrAnticytokineGiven;
    private boolean hypotension;
    private Set<Vasopressor> vasopressors = EnumSet.noneOf(Vasopressor.class);
    private OxygenDevice oxygenDevice = OxygenDevice.NONE;
    private BigDecimal oxygenFlowLitresPerMinute;
    private boolean deathFromCrs;

    private CrsCase() {
    }

    public static CrsCase afebrile() {
        return new CrsCase();
    }

    public static CrsCase fever(String celsius) {
        return new CrsCase().temperature(celsius);
    }

    public CrsCase temperature(String celsius) {
        temperatureCelsius = new BigDecimal(celsius);
        return this;
    }

    public CrsCase feverHasAnotherCause() {
        feverAttributableToOtherCause = true;
        return this;
    }

    public CrsCase antipyreticGiven() {
        antipyreticOrAnticytokineGiven = true;
        return this;
    }

    public CrsCase hypotension() {
        hypotension = true;
        return this;
    }

    /** Vasopressors as given; the hypotension box is left as it is (vasopressors imply hypotension). */
    public CrsCase on(Vasopressor... given) {
        vasopressors = given.length == 0 ? EnumSet.noneOf(Vasopressor.class) : EnumSet.copyOf(Arrays.asList(given));
        return this;
    }

    public CrsCase oxygen(OxygenDevice device) {
        oxygenDevice = device;
        return this;
    }

    public CrsCase oxygen(OxygenDevice device, String litresPerMinute) {
        oxygenDevice = device;
        oxygenFlowLitresPerMinute = new BigDecimal(litresPerMinute);
        return this;
    }

    public CrsCase diedOfCrs() {
        deathFromCrs = true;
        return this;
    }

    public CrsAssessment assessment() {
        return new CrsAssessment(temperatureCelsius, feverAttributableToOtherCause, antipyreticOrAnticytokineGiven,
                hypotension, vasopressors, oxygenDevice, oxygenFlowLitresPerMinute, deathFromCrs);
    }

    /** The body of {@code POST /api/v1/calculators/crs-grade}. */
    public Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("temperatureCelsius", temperatureCelsius);
        json.put("feverAttributableToOtherCause", feverAttributableToOtherCause);
        json.put("antipyreticOrAnticytokineGiven", antipyreticOrAnticytokineGiven);
        json.put("hypotension", hypotension);
        json.put("vasopressors", List.copyOf(vasopressors.stream().map(Enum::name).toList()));
        json.put("oxygenDevice", oxygenDevice.name());
        json.put("oxygenFlowLitresPerMinute", oxygenFlowLitresPerMinute);
        json.put("deathFromCrs", deathFromCrs);
        return json;
    }
}
