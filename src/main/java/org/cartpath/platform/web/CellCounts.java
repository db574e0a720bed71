package org.cartpath.platform.web;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.springframework.stereotype.Component;

/**
 * Cell counts as a label and a certificate of analysis print them: in scientific notation with one decimal,
 * {@code 50000000} as "5.0 × 10⁷", so that nobody counts zeros at the bedside. Templates call it as
 * {@code ${@cells.format(value)}}; the API keeps plain numbers.
 */
@Component("cells")
public class CellCounts {

    private static final char[] SUPERSCRIPT = {'⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'};

    public String format(Number value) {
        if (value == null) {
            return "";
        }
        BigDecimal number = new BigDecimal(value.toString());
        if (number.signum() == 0) {
            return "0";
        }
        if (number.signum() < 0) {
            return "−" + format(number.negate());
        }
        BigDecimal rounded = number.round(new MathContext(2, RoundingMode.HALF_UP));
        int exponent = rounded.precision() - rounded.scale() - 1;
        BigDecimal mantissa = rounded.movePointLeft(exponent).setScale(1, RoundingMode.HALF_UP);
        if (exponent == 0) {
            return mantissa.toPlainString();
        }
        return mantissa.toPlainString() + " × 10" + superscript(exponent);
    }

    private static String superscript(int exponent) {
        StringBuilder text = new StringBuilder(exponent < 0 ? "⁻" : "");
        for (char digit : Integer.toString(Math.abs(exponent)).toCharArray()) {
            text.append(SUPERSCRIPT[digit - '0']);
        }
        return text.toString();
    }
}
