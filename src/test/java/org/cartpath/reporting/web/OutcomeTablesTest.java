package org.cartpath.reporting.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OutcomeTablesTest {

    @Test
    void everyTableOfThePageDownloadsAndNoOther() {
        assertThat(String.join("|", OutcomeTables.IDS)).isEqualTo(OutcomesPages.TABLES);
    }

    @Test
    void csvQuotesSeparatorsAndKeepsFormulasAsText() {
        OutcomeTable table = new OutcomeTable("t", "T", null, null, null, List.of("Measure", "Value"),
                List.of(OutcomeTable.Row.of("Failed: poor growth, or other", "3"),
                        OutcomeTable.Row.of("=HYPERLINK(\"x\")", "-2"), OutcomeTable.Row.of("-cmd", "<5")),
                "none");
        assertThat(table.csv()).isEqualTo("Measure,Value\r\n\"Failed: poor growth, or other\",3\r\n"
                + "\"'=HYPERLINK(\"\"x\"\")\",-2\r\n'-cmd,<5\r\n");
    }

    @Test
    void aChartOfZerosIsEmptyAndOneOfSuppressedCellsShowsItsTableButDrawsNothing() {
        OutcomeTable zeros = new OutcomeTable("t", "T", "bar", "x", "y", List.of("a", "b"), List.of(
                new OutcomeTable.Row(List.of("None", "0"), "None", 0.0, null, null)), "none");
        assertThat(zeros.isEmpty()).isTrue();
        OutcomeTable suppressed = new OutcomeTable("t", "T", "bar", "x", "y", List.of("a", "b"), List.of(
                new OutcomeTable.Row(List.of("None", "0"), "None", 0.0, null, null),
                new OutcomeTable.Row(List.of("Grade 1", "<5"), "Grade 1", null, null, null)), "none");
        assertThat(suppressed.isEmpty()).isFalse();
        assertThat(suppressed.isDrawable()).isFalse();
        OutcomeTable one = new OutcomeTable("t", "T", "bar", "x", "y", List.of("a", "b"), List.of(
                new OutcomeTable.Row(List.of("None", "1"), "None", 1.0, null, null)), "none");
        assertThat(one.isEmpty()).isFalse();
        assertThat(one.isDrawable()).isTrue();
    }
}
