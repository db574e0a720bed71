package org.cartpath.scheduling.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.cartpath.catalogue.ProductCode;
import org.cartpath.scheduling.CapacityPublication;
import org.cartpath.scheduling.CapacityPublication.CapacityException;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.ProblemException.FieldProblem;
import org.cartpath.shared.RequestFields;

/**
 * A capacity publication checked field by field and made canonical (sorted exceptions, every weekday present),
 * so that the same week published twice has the same digest; and the slots and site holidays it asks for.
 */
public final class PublicationContent {

    public static final int MAX_SLOTS_PER_DAY = 50;
    public static final int MAX_SLOTS_PER_WEEK = 200;
    public static final int MAX_WEEKS_AHEAD = 104;

    /** The days a slot accepts cells: one day, or the working days of a week. */
    public record Window(LocalDate start, LocalDate end) {
    }

    private PublicationContent() {
    }

    /** The slots the content asks for, by window. */
    public static Map<Window, Integer> windows(Map<String, Object> content, LocalDate week) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> exceptions = (List<Map<String, Object>>) content.get("exceptions");
        Map<LocalDate, Integer> changed = new TreeMap<>();
        exceptions.forEach(e -> changed.put(LocalDate.parse((String) e.get("date")), (Integer) e.get("slots")));
        Map<Window, Integer> wanted = new LinkedHashMap<>();
        if (content.get("slotsPerWeek") instanceof Integer perWeek) {
            List<LocalDate> open = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                LocalDate day = week.plusDays(i);
                if (!Integer.valueOf(0).equals(changed.get(day))) {
                    open.add(day);
                }
            }
            if (!open.isEmpty() && perWeek > 0) {
                wanted.put(new Window(open.get(0), open.get(open.size() - 1)), perWeek);
            }
        } else {
            @SuppressWarnings("unchecked")
            Map<String, Integer> perDay = (Map<String, Integer>) content.get("slotsPerDay");
            for (int i = 0; i < 7; i++) {
                LocalDate day = week.plusDays(i);
                int count = changed.containsKey(day) ? changed.get(day) : perDay.get(day.getDayOfWeek().name());
                if (count > 0) {
                    wanted.put(new Window(day, day), count);
                }
            }
        }
        return wanted;
    }

    public static Map<LocalDate, String> closedDays(CapacityPublication command) {
        Map<LocalDate, String> closed = new TreeMap<>();
        for (CapacityException e : command.exceptions() == null ? List.<CapacityException>of() : command.exceptions()) {
            if (e.slots() == null || e.slots() == 0) {
                closed.put(e.date(), e.reason().trim());
            }
        }
        return closed;
    }

    /** Checks the publication field by field (400 naming each) and returns its canonical content. */
    public static Map<String, Object> validate(CapacityPublication c, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        String siteCode = c.siteCode() == null ? null : c.siteCode().trim().toUpperCase(java.util.Locale.ROOT);
        if (siteCode == null || siteCode.isEmpty()) {
            problems.add(new FieldProblem("siteCode", "is required"));
        } else if (!siteCode.matches("[A-Z0-9][A-Z0-9-]{1,39}")) {
            problems.add(new FieldProblem("siteCode", "must be 2 to 40 letters, digits or hyphens"));
        }
        String siteName = c.siteName() == null ? null : c.siteName().trim();
        if (siteName == null || siteName.length() < 2 || siteName.length() > 200) {
            problems.add(new FieldProblem("siteName", "must be 2 to 200 characters"));
        }
        ProductCode product = null;
        if (c.productCode() == null) {
            problems.add(new FieldProblem("productCode", "is required"));
        } else {
            try {
                product = RequestFields.choice(c.productCode(), ProductCode.class, "productCode");
            } catch (ProblemException e) {
                problems.addAll(e.fieldProblems());
            }
        }
        LocalDate week = c.weekStart();
        LocalDate thisWeek = today.with(DayOfWeek.MONDAY);
        if (week == null) {
            problems.add(new FieldProblem("weekStart", "is required"));
        } else if (week.getDayOfWeek() != DayOfWeek.MONDAY) {
            problems.add(new FieldProblem("weekStart", "must be a Monday (the start of an ISO week)"));
        } else if (week.isAfter(thisWeek.plusWeeks(MAX_WEEKS_AHEAD))) {
            problems.add(new FieldProblem("weekStart", "must be within " + MAX_WEEKS_AHEAD + " weeks"));
        }
        if ((c.slotsPerDay() == null) == (c.slotsPerWeek() == null)) {
            String message = c.slotsPerDay() == null ? "is required: send slotsPerDay or slotsPerWeek"
                    : "send only one of slotsPerDay and slotsPerWeek";
            problems.add(new FieldProblem("slotsPerDay", message));
            problems.add(new FieldProblem("slotsPerWeek", message));
        }
        Map<String, Integer> perDay = new LinkedHashMap<>();
        if (c.slotsPerDay() != null) {
            for (DayOfWeek day : DayOfWeek.values()) {
                Integer count = c.slotsPerDay().getOrDefault(day, 0);
                if (count == null || count < 0 || count > MAX_SLOTS_PER_DAY) {
                    problems.add(new FieldProblem("slotsPerDay." + day.name(), "must be from 0 to " + MAX_SLOTS_PER_DAY));
                }
                perDay.put(day.name(), count);
            }
        }
        if (c.slotsPerWeek() != null && (c.slotsPerWeek() < 0 || c.slotsPerWeek() > MAX_SLOTS_PER_WEEK)) {
            problems.add(new FieldProblem("slotsPerWeek", "must be from 0 to " + MAX_SLOTS_PER_WEEK));
        }
        List<Map<String, Object>> exceptions = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        List<CapacityException> given = c.exceptions() == null ? List.of() : c.exceptions();
        for (int i = 0; i < given.size(); i++) {
            CapacityException e = given.get(i);
            String field = "exceptions[" + i + "]";
            if (e == null || e.date() == null) {
                problems.add(new FieldProblem(field + ".date", "is required"));
                continue;
            }
            if (week != null && (e.date().isBefore(week) || e.date().isAfter(week.plusDays(6)))) {
                problems.add(new FieldProblem(field + ".date", "must be in the week of " + week));
            }
            if (!seen.add(e.date())) {
                problems.add(new FieldProblem(field + ".date", "appears twice"));
            }
            int slots = e.slots() == null ? 0 : e.slots();
            if (slots < 0 || slots > MAX_SLOTS_PER_DAY) {
                problems.add(new FieldProblem(field + ".slots", "must be from 0 to " + MAX_SLOTS_PER_DAY));
            } else if (slots > 0 && c.slotsPerWeek() != null) {
                problems.add(new FieldProblem(field + ".slots", "with weekly capacity an exception closes a day: send 0"));
            }
            if (e.reason() == null || e.reason().isBlank()) {
                problems.add(new FieldProblem(field + ".reason", "is required"));
            } else if (e.reason().trim().length() > 200) {
                problems.add(new FieldProblem(field + ".reason", "must be at most 200 characters"));
            }
            Map<String, Object> exception = new LinkedHashMap<>();
            exception.put("date", e.date().toString());
            exception.put("slots", slots);
            exception.put("reason", e.reason() == null ? null : e.reason().trim());
            exceptions.add(exception);
        }
        if (c.mirroredFrom() != null && c.mirroredFrom().trim().length() > 300) {
            problems.add(new FieldProblem("mirroredFrom", "must be at most 300 characters"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        if (week.plusDays(6).isBefore(today)) {
            throw ProblemException.unprocessable("capacity-week-past", "The week of " + week
                    + " is over; publish this week or a later one");
        }
        exceptions.sort(Comparator.comparing(e -> (String) e.get("date")));
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("siteCode", siteCode);
        content.put("siteName", siteName);
        content.put("productCode", product.name());
        content.put("weekStart", week.toString());
        content.put("slotsPerDay", c.slotsPerDay() == null ? null : perDay);
        content.put("slotsPerWeek", c.slotsPerWeek());
        content.put("exceptions", exceptions);
        return content;
    }
}
