package org.cartpath.patient;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/**
 * An NHS number: ten digits, the tenth a Modulus 11 check digit (NHS Data Dictionary, "NHS Number").
 *
 * <p>The check: multiply each of the first nine digits by a weight from 10 down to 2, add the products,
 * take the remainder on dividing by 11, and subtract it from 11. A result of 11 means check digit 0; a
 * result of 10 means no number with those nine digits is ever issued; otherwise the result must equal
 * the tenth digit.
 *
 * <p>Ten identical digits ({@code 0000000000}, {@code 1111111111}…) are refused with their own message
 * even though every one of them passes Modulus 11 (for a repeated digit d the weighted sum is 54d, whose
 * check digit is d again). NHS guidance treats them as invalid or placeholder values; they are never
 * issued to a person.
 *
 * @param value the ten digits, without spaces
 */
public record NhsNumber(String value) {

    public static final String FIELD = "nhsNumber";

    public NhsNumber {
        if (value == null || !value.matches("[0-9]{10}")) {
            throw new InvalidNhsNumberException(FIELD, "must be 10 digits, without spaces");
        }
        problemInDigits(value).ifPresent(message -> {
            throw new InvalidNhsNumberException(FIELD, message);
        });
    }

    /** Reads an NHS number as typed: spaces and dashes between the digits are ignored ({@code 943 476 5919}). */
    public static NhsNumber parse(String input) {
        return parse(input, FIELD);
    }

    /** As {@link #parse(String)}, naming {@code field} in the problem (e.g. a search parameter). */
    public static NhsNumber parse(String input, String field) {
        Optional<String> problem = problemIn(input);
        if (problem.isPresent()) {
            throw new InvalidNhsNumberException(field, problem.get());
        }
        return new NhsNumber(digitsOf(input));
    }

    /** Why {@code input} is not an NHS number, or empty when it is one. */
    public static Optional<String> problemIn(String input) {
        if (input == null || input.isBlank()) {
            return Optional.of("is required");
        }
        if (!input.strip().matches("[0-9 \\-]+")) {
            return Optional.of("must contain only digits, spaces and dashes");
        }
        String digits = digitsOf(input);
        if (digits.length() != 10) {
            return Optional.of("must be 10 digits, not " + digits.length());
        }
        return problemInDigits(digits);
    }

    private static Optional<String> problemInDigits(String digits) {
        if (digits.chars().distinct().count() == 1) {
            return Optional.of("must not be the same digit ten times: such numbers are never issued");
        }
        int check = checkDigitFor(digits.substring(0, 9));
        if (check == 10) {
            return Optional.of("is not valid: no NHS number is issued with these first nine digits");
        }
        if (check != digits.charAt(9) - '0') {
            return Optional.of("is not valid: the check digit does not match, so a digit may be mistyped");
        }
        return Optional.empty();
    }

    /** The Modulus 11 check digit for nine digits: 0 to 9, or 10 when those digits can have none. */
    static int checkDigitFor(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nineDigits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        return check == 11 ? 0 : check;
    }

    private static String digitsOf(String input) {
        return input.replaceAll("[ \\-]", "");
    }

    /** The ten digits, as the API carries them. */
    @JsonValue
    public String value() {
        return value;
    }

    /** As NHS staff read it: 3, 3 and 4 digits, {@code 943 476 5919}. */
    public String formatted() {
        return value.substring(0, 3) + " " + value.substring(3, 6) + " " + value.substring(6);
    }

    @Override
    public String toString() {
        return value;
    }
}
