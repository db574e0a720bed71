package org.cartpath.interop.hl7;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The configurable code table: local test code to measurement, and the units each measurement may arrive in. */
@Component
class LabCodes {

    private final JdbcClient jdbc;

    LabCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<LabMeasurement> measurement(String localCode) {
        return jdbc.sql("select measurement from interop_lab_code where local_code = ?").param(localCode)
                .query(String.class).optional().map(LabMeasurement::valueOf);
    }

    /** The factor that converts a value in {@code unit} to the measurement's unit, if the unit is known for it. */
    Optional<BigDecimal> factor(LabMeasurement measurement, String unit) {
        return jdbc.sql("select factor from interop_lab_unit where measurement = ? and unit = ?")
                .param(measurement.name()).param(normalised(unit)).query(BigDecimal.class).optional();
    }

    /** Units compare in lower case, without spaces, with the micro sign written u ({@code µmol/L} is {@code umol/l}). */
    static String normalised(String unit) {
        return unit == null ? "" : unit.replace(" ", "").replace('µ', 'u').replace('μ', 'u').toLowerCase(Locale.ROOT);
    }
}
