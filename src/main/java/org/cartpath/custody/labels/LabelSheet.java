package org.cartpath.custody.labels;

import java.util.List;

/** A laid-out label: its size in printer dots and what is printed where. */
record LabelSheet(LabelKind kind, int width, int height, List<LabelElement> elements) {

    /** Labels are laid out for a 300 dpi thermal printer, so that every bar-code module is a whole number of dots. */
    static final int DOTS_PER_INCH = 300;

    LabelSheet {
        elements = List.copyOf(elements);
    }

    static int millimetres(double mm) {
        return (int) Math.round(mm * DOTS_PER_INCH / 25.4);
    }

    static int points(double pt) {
        return (int) Math.round(pt * DOTS_PER_INCH / 72.0);
    }
}
