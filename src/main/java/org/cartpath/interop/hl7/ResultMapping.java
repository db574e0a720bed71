package org.cartpath.interop.hl7;

import ca.uhn.hl7v2.ErrorCode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Maps every result of a message to a measurement in cartpath's unit, or says why it cannot: all or nothing, so a
 * message is never half filed. Only final (F) and corrected (C) results are filed (HL7 table 0085); a preliminary
 * result waits for its final one.
 */
final class ResultMapping {

    private static final Set<String> FILED_STATUSES = Set.of("F", "C");

    private ResultMapping() {
    }

    /** The results mapped, or the problems (the first with its HL7 error code). */
    record Outcome(List<FiledResult> results, ErrorCode errorCode, List<String> problems) {
        boolean mapped() {
            return problems.isEmpty();
        }
    }

    static Outcome map(ResultMessage message, LabCodes codes) {
        List<FiledResult> filed = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        ErrorCode first = null;
        if (message.results().isEmpty()) {
            return new Outcome(List.of(), ErrorCode.REQUIRED_FIELD_MISSING, List.of("The message has no OBX results"));
        }
        for (ResultMessage.Result result : message.results()) {
            String name = result.code() == null ? "(no code)" : result.code();
            ErrorCode code = null;
            String problem = null;
            Optional<LabMeasurement> measurement = result.code() == null ? Optional.empty()
                    : codes.measurement(result.code());
            BigDecimal value = number(result.value());
            if (result.code() == null) {
                code = ErrorCode.REQUIRED_FIELD_MISSING;
                problem = "An OBX has no test code (OBX-3)";
            } else if (measurement.isEmpty()) {
                code = ErrorCode.TABLE_VALUE_NOT_FOUND;
                problem = "Test code " + name + " is not in cartpath's code table";
            } else if (!FILED_STATUSES.contains(result.status() == null ? "" : result.status())) {
                code = ErrorCode.TABLE_VALUE_NOT_FOUND;
                problem = name + " has result status " + (result.status() == null ? "(none)" : result.status())
                        + "; only final (F) or corrected (C) results are filed";
            } else if (value == null) {
                code = ErrorCode.DATA_TYPE_ERROR;
                problem = name + " value '" + (result.value() == null ? "" : result.value()) + "' is not a number";
            } else if (result.observedAt() == null) {
                code = ErrorCode.REQUIRED_FIELD_MISSING;
                problem = name + " has no observation time (OBX-14 or OBR-7)";
            } else {
                Optional<BigDecimal> factor = codes.factor(measurement.get(), result.unit());
                if (factor.isEmpty()) {
                    code = ErrorCode.TABLE_VALUE_NOT_FOUND;
                    problem = name + " unit '" + (result.unit() == null ? "" : result.unit())
                            + "' cannot be converted to " + measurement.get().unit();
                } else {
                    filed.add(new FiledResult(measurement.get(), converted(value, factor.get()),
                            result.observedAt(), result.code(), result.value(), result.unit()));
                }
            }
            if (problem != null) {
                problems.add(problem);
                first = first == null ? code : first;
            }
        }
        return problems.isEmpty() ? new Outcome(List.copyOf(filed), null, List.of())
                : new Outcome(List.of(), first, List.copyOf(problems));
    }

    /** A value in cartpath's unit: the value sent times the unit's factor, to 4 decimal places (the column's scale). */
    static BigDecimal converted(BigDecimal value, BigDecimal factor) {
        return value.multiply(factor).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    /** A plain decimal number; a comparator ({@code <5}) or text is not one, so it is not guessed at. */
    private static BigDecimal number(String value) {
        if (value == null || !value.strip().matches("-?[0-9]+(\\.[0-9]+)?")) {
            return null;
        }
        return new BigDecimal(value.strip());
    }
}
