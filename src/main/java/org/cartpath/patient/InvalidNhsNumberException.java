package org.cartpath.patient;

import java.util.List;
import java.util.Map;
import org.cartpath.shared.ProblemException;

/** 400 {@code /problems/invalid-nhs-number}: an NHS number that fails its format or Modulus 11 check. */
public class InvalidNhsNumberException extends ProblemException {

    public InvalidNhsNumberException(String field, String message) {
        super("invalid-nhs-number", 400, "Invalid NHS number", field + ": " + message,
                List.of(new FieldProblem(field, message)), Map.of());
    }
}
