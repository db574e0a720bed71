package org.cartpath.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Cell counts in scientific notation with one decimal, as certificates print them. */
class CellCountsTest {

    private final CellCounts cells = new CellCounts();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            50000000      | 5.0 × 10⁷
            250000000     | 2.5 × 10⁸
            600000000     | 6.0 × 10⁸
            1000000       | 1.0 × 10⁶
            200000        | 2.0 × 10⁵
            2000000.5     | 2.0 × 10⁶
            99500000      | 1.0 × 10⁸
            99499999      | 9.9 × 10⁷
            5             | 5.0
            12            | 1.2 × 10¹
            0.05          | 5.0 × 10⁻²
            0             | 0
            -3000000      | −3.0 × 10⁶
            """)
    void writesCountsWithOneDecimalAndASuperscriptPowerOfTen(String value, String expected) {
        assertThat(cells.format(new BigDecimal(value))).isEqualTo(expected);
    }

    @Test
    void nothingIsWrittenForNoValueAndLongsWork() {
        assertThat(cells.format(null)).isEmpty();
        assertThat(cells.format(510_000_000L)).isEqualTo("5.1 × 10⁸");
    }
}
