package org.cartpath.reporting.web;

import java.util.List;
import org.cartpath.shared.Csv;

/**
 * One table of the outcomes page: what people read beside a chart, the same numbers as the chart draws (each row's
 * {@code x}, {@code y} and limits go into data- attributes that {@code outcomes-charts.js} reads), and the CSV download.
 *
 * @param chart {@code bar}, {@code survival}, {@code incidence}, {@code funnel} or null for a table without a chart
 * @param extra what the chart draws beside the rows: the numbers at risk under a curve's axis ("day:shown;…"), or a
 *              funnel's control limits ("patients:lower95:upper95:lower99.8:upper99.8;…"); null when nothing
 */
public record OutcomeTable(String id, String title, String chart, String xLabel, String yLabel, List<String> headers,
        List<Row> rows, String emptyText, String extra) {

    OutcomeTable(String id, String title, String chart, String xLabel, String yLabel, List<String> headers,
            List<Row> rows, String emptyText) {
        this(id, title, chart, xLabel, yLabel, headers, rows, emptyText, null);
    }

    /**
     * A row: the cells as shown; the chart's point (y null where the number is suppressed); {@code y2} a second
     * series (non-relapse mortality beside relapse).
     */
    public record Row(List<String> cells, String x, Double y, Double lower, Double upper, Double y2) {

        Row(List<String> cells, String x, Double y, Double lower, Double upper) {
            this(cells, x, y, lower, upper, null);
        }

        static Row of(String... cells) {
            return new Row(List.of(cells), null, null, null, null);
        }
    }

    public boolean hasChart() {
        return chart != null;
    }

    /** Nothing to show: no row, or (a chart's table) every row's value zero, none suppressed. */
    public boolean isEmpty() {
        return rows.isEmpty() || "bar".equals(chart) && rows.stream().allMatch(r -> r.y() != null && r.y() == 0);
    }

    /** A chart with something to draw: a value above zero (suppressed cells are left out of the chart). */
    public boolean isDrawable() {
        return chart != null && rows.stream().anyMatch(r -> r.y() != null && (r.y() > 0 || "funnel".equals(chart)
                || "incidence".equals(chart)));
    }

    /** The table as CSV (RFC 4180), the header first; a cell that a spreadsheet would run as a formula is quoted. */
    public String csv() {
        StringBuilder out = new StringBuilder();
        line(out, headers);
        for (Row row : rows) {
            line(out, row.cells());
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String cell = cells.get(i) == null ? "" : cells.get(i);
            // OWASP CSV injection: a cell starting =, +, @ (or - not a number) is prefixed so it stays text
            if (!cell.isEmpty() && "=+@".indexOf(cell.charAt(0)) >= 0
                    || cell.startsWith("-") && !cell.matches("-[0-9.]+")) {
                cell = "'" + cell;
            }
            out.append(Csv.quoted(cell));
        }
        out.append("\r\n");
    }
}
