package org.cartpath.treatment.internal;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The treatment module's centre defaults (application.yml, {@code cartpath.treatment.*}). None is a clinical rule
 * from a label: each is a working default a centre's protocol may change, documented in the README.
 *
 * @param ldMaxMeasurementAgeDays  weight and height older than this many days are not dosed by
 * @param ldMaxCreatinineAgeDays   a creatinine older than this is not used for the renal adjustment
 * @param checklistValidFor        how long a tick or override of the pre-infusion checklist counts
 * @param bedsideCheckValidFor     how long before the infusion the two-person bedside check may be completed
 */
@Component
public record TreatmentSettings(int ldMaxMeasurementAgeDays, int ldMaxCreatinineAgeDays, Duration checklistValidFor,
        Duration bedsideCheckValidFor) {

    public TreatmentSettings(@Value("${cartpath.treatment.ld-max-measurement-age-days:3}") int ldMaxMeasurementAgeDays,
            @Value("${cartpath.treatment.ld-max-creatinine-age-days:7}") int ldMaxCreatinineAgeDays,
            @Value("${cartpath.treatment.checklist-valid-for:PT24H}") Duration checklistValidFor,
            @Value("${cartpath.treatment.bedside-check-valid-for:PT24H}") Duration bedsideCheckValidFor) {
        if (ldMaxMeasurementAgeDays < 0 || ldMaxCreatinineAgeDays < 0 || checklistValidFor.isNegative()
                || bedsideCheckValidFor.isNegative()) {
            throw new IllegalArgumentException("cartpath.treatment settings cannot be negative");
        }
        this.ldMaxMeasurementAgeDays = ldMaxMeasurementAgeDays;
        this.ldMaxCreatinineAgeDays = ldMaxCreatinineAgeDays;
        this.checklistValidFor = checklistValidFor;
        this.bedsideCheckValidFor = bedsideCheckValidFor;
    }
}
