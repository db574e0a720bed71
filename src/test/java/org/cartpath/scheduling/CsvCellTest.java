package org.cartpath.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CSV cells of the manufacturer's export: quoted when needed, spreadsheet formulas defused. */
class CsvCellTest {

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "CP-2026-00042|CP-2026-00042",
            "Kite, a Gilead company (demo)|\"Kite, a Gilead company (demo)\"",
            "Say \"hi\"|\"Say \"\"hi\"\"\"",
            "=HYPERLINK(\"x\")|\"'=HYPERLINK(\"\"x\"\")\"",
            "+1 ward|'+1 ward",
            "-12|-12",
            "@sum|'@sum",
            "2026-12-07|2026-12-07"})
    void aCellIsQuotedOrDefusedWhenItMustBe(String value, String cell) {
        assertThat(SchedulingCalendars.cell(value)).isEqualTo(cell);
    }
}
