package org.cartpath.monitoring;

import java.time.LocalDate;

/**
 * A date the label sets after infusion (daily monitoring until, stay near the centre until, no driving
 * until): day 0 plus the label's number of days, with its source; or no date and the catalogue's note
 * saying why the number is missing.
 */
public record LabelDate(LocalDate date, Integer days, String source, boolean check, String note) {

    public boolean known() {
        return date != null;
    }
}
