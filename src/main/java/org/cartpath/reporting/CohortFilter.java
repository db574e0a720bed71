package org.cartpath.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.cartpath.shared.ProblemException;

/**
 * The cohort asked for: the treating centre (a commissioner's choice; a centre's analyst may only name their own),
 * the product and indication (catalogue codes), the age band at infusion and the period of infusion (day 0, both
 * ends included). Every part is optional; {@link #parse} refuses what it cannot read with 400, naming the field.
 */
public record CohortFilter(UUID centre, String product, String indication, AgeBand ageBand, LocalDate infusedFrom,
        LocalDate infusedTo) {

    /** Dates outside these are no infusion date (and some are beyond what PostgreSQL's date holds). */
    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

    public static final CohortFilter EVERYONE = new CohortFilter(null, null, null, null, null, null);

    /** Reads the filter from request parameters; blank means "any". */
    public static CohortFilter parse(String centre, String product, String indication, String ageBand,
            String infusedFrom, String infusedTo) {
        List<ProblemException.FieldProblem> problems = new ArrayList<>();
        UUID centreId = null;
        if (present(centre)) {
            try {
                centreId = UUID.fromString(centre.trim());
            } catch (IllegalArgumentException e) {
                problems.add(new ProblemException.FieldProblem("centre", "Choose a treatment centre from the list"));
            }
        }
        String productCode = code(product, "product", "Choose a product from the list", problems);
        String indicationCode = code(indication, "indication", "Choose an indication from the list", problems);
        AgeBand band = null;
        if (present(ageBand)) {
            try {
                band = AgeBand.valueOf(ageBand.trim());
            } catch (IllegalArgumentException e) {
                problems.add(new ProblemException.FieldProblem("ageBand", "Choose an age band from the list"));
            }
        }
        LocalDate from = date(infusedFrom, "infusedFrom", "Infused from", problems);
        LocalDate to = date(infusedTo, "infusedTo", "Infused to", problems);
        if (from != null && to != null && to.isBefore(from)) {
            problems.add(new ProblemException.FieldProblem("infusedTo", "Infused to must be the same as or after "
                    + "infused from"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        return new CohortFilter(centreId, productCode, indicationCode, band, from, to);
    }

    private static String code(String value, String field, String message,
            List<ProblemException.FieldProblem> problems) {
        if (!present(value)) {
            return null;
        }
        String code = value.trim().toUpperCase(java.util.Locale.ROOT);
        if (!code.matches("[A-Z0-9_]{1,40}")) {
            problems.add(new ProblemException.FieldProblem(field, message));
            return null;
        }
        return code;
    }

    private static LocalDate date(String value, String field, String label,
            List<ProblemException.FieldProblem> problems) {
        if (!present(value)) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.trim());
            if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
                problems.add(new ProblemException.FieldProblem(field, label + " must be between 1900 and 2199"));
                return null;
            }
            return date;
        } catch (java.time.format.DateTimeParseException e) {
            problems.add(new ProblemException.FieldProblem(field, label + " must be a real date, like 2026-01-31"));
            return null;
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** The same filter restricted to one centre. */
    public CohortFilter withCentre(UUID centreId) {
        return new CohortFilter(centreId, product, indication, ageBand, infusedFrom, infusedTo);
    }
}
