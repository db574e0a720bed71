package org.cartpath.shared;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Comma-separated values as RFC 4180 writes them: fields separated by commas, records ended by CRLF, a field quoted
 * (with inner quotes doubled) only when it holds a comma, a quote or a line break; UTF-8 without a byte-order mark.
 * The same rows give the same bytes. Exports write their files with it; the downloads of tables (outcomes, calendars)
 * quote their cells with it after defusing formulas.
 */
public final class Csv {

    private Csv() {
    }

    public static byte[] write(List<String> header, List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        line(out, header);
        rows.forEach(row -> {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("A row has " + row.size() + " fields, the header " + header.size());
            }
            line(out, row);
        });
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(quoted(fields.get(i)));
        }
        out.append("\r\n");
    }

    /** A field as written: quoted, with inner quotes doubled, only when it holds a comma, a quote or a line break. */
    public static String quoted(String field) {
        if (field == null) {
            return "";
        }
        if (field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0
                || field.indexOf('\r') >= 0) {
            return '"' + field.replace("\"", "\"\"") + '"';
        }
        return field;
    }
}
