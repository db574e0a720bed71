package org.cartpath.scheduling.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cartpath.catalogue.ProductCode;
import org.cartpath.scheduling.ApheresisCapacity;
import org.cartpath.scheduling.ApheresisUnit;
import org.cartpath.scheduling.CapacityPublication;
import org.cartpath.scheduling.ManufacturingCapacity;
import org.cartpath.scheduling.PublicationResult;
import org.cartpath.scheduling.SchedulingCalendars;
import org.cartpath.scheduling.internal.Fields;
import org.cartpath.shared.Actor;
import org.cartpath.shared.DataVisibility;
import org.cartpath.shared.FormErrors;
import org.cartpath.shared.OrganisationId;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.ProblemException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Capacity pages: manufacturer operators publish their sites' weekly slots; centre coordinators mirror a
 * manufacturer's portal (marked as mirrored) and, with apheresis nurses, set their unit's chairs.
 */
@Controller
@RequestMapping("/scheduling")
class CapacityPageController {

    static final String CAPACITY = "scheduling/capacity";
    static final String APHERESIS = "scheduling/apheresis";
    static final int EXCEPTION_ROWS = 3;

    private final ManufacturingCapacity manufacturing;
    private final ApheresisCapacity apheresis;
    private final SchedulingCalendars calendars;

    CapacityPageController(ManufacturingCapacity manufacturing, ApheresisCapacity apheresis, SchedulingCalendars calendars) {
        this.manufacturing = manufacturing;
        this.apheresis = apheresis;
        this.calendars = calendars;
    }

    @GetMapping("/capacity")
    String capacity(Actor actor, @RequestParam(required = false) String manufacturerId, Model model) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("weekStart", calendars.weekOf(null).plusWeeks(1).toString());
        form.put("mode", "day");
        form.put("manufacturerId", manufacturerId == null ? "" : manufacturerId);
        return capacityPage(actor, manufacturerId, form, Map.of(), model);
    }

    @PostMapping("/capacity")
    String publish(Actor actor, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        String manufacturerId = blankToNull(form.get("manufacturerId"));
        try {
            PublicationResult result = manufacturing.publish(actor, command(form));
            redirect.addFlashAttribute("success", switch (result.outcome()) {
                case CREATED -> "Published: " + result.slots() + " slots at " + result.siteCode() + " for the week of "
                        + result.weekStart() + ".";
                case REPLACED -> "The week of " + result.weekStart() + " at " + result.siteCode() + " now has "
                        + result.slots() + " slots (" + result.booked() + " booked, " + result.withdrawn() + " withdrawn).";
                case UNCHANGED -> "Nothing changed: the week of " + result.weekStart() + " already has this capacity.";
            });
            return "redirect:/scheduling/capacity" + (manufacturerId == null ? "" : "?manufacturerId=" + manufacturerId);
        } catch (ProblemException e) {
            if (e.status() == 403) {
                throw e;
            }
            Map<String, String> errors = new LinkedHashMap<>();
            if (e.fieldProblems().isEmpty()) {
                errors.put("form", e.detail());
            }
            e.fieldProblems().forEach(p -> errors.putIfAbsent(formField(p.field()), label(p.field()) + " " + p.message()));
            Object inTheWay = e.properties().get("bookingsInTheWay");
            model.addAttribute("bookingsInTheWay", inTheWay == null ? List.of() : inTheWay);
            return capacityPage(actor, manufacturerId, form, errors, model);
        }
    }

    private String capacityPage(Actor actor, String manufacturerId, Map<String, String> form, Map<String, String> errors,
            Model model) {
        boolean mirroring = actor.organisationKind() == OrganisationKind.TREATMENT_CENTRE;
        if (!mirroring && actor.organisationKind() != OrganisationKind.MANUFACTURER) {
            throw ProblemException.forbidden("Capacity is published by manufacturers and mirrored by centre coordinators");
        }
        model.addAttribute("mirroring", mirroring);
        model.addAttribute("manufacturers", mirroring ? manufacturing.manufacturers() : List.of());
        OrganisationId selected = null;
        if (!mirroring) {
            selected = actor.organisationId();
        } else if (manufacturerId != null && !manufacturerId.isBlank()) {
            selected = OrganisationId.of(manufacturerId);
        }
        model.addAttribute("weeks", selected == null ? List.of() : manufacturing.weeks(actor, selected));
        model.addAttribute("products", ProductCode.values());
        model.addAttribute("days", DayOfWeek.values());
        model.addAttribute("exceptionRows", EXCEPTION_ROWS);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        if (!model.containsAttribute("bookingsInTheWay")) {
            model.addAttribute("bookingsInTheWay", List.of());
        }
        return CAPACITY;
    }

    /** The form's input for a field the service names (so that the message sits beside the right input). */
    static String formField(String field) {
        java.util.regex.Matcher exception = java.util.regex.Pattern.compile("exceptions\\[(\\d+)]\\.(date|slots|reason)")
                .matcher(field);
        if (exception.matches()) {
            String part = exception.group(2);
            return "exception" + Character.toUpperCase(part.charAt(0)) + part.substring(1) + exception.group(1);
        }
        if (field.startsWith("slotsPerDay.")) {
            return "slots" + field.substring("slotsPerDay.".length());
        }
        return field.equals("slotsPerDay") ? "slotsMONDAY" : field;
    }

    /** How the error summary names a field: "Slots on Tuesday", "Exception 1: reason". */
    static String label(String field) {
        java.util.regex.Matcher exception = java.util.regex.Pattern.compile("exceptions\\[(\\d+)]\\.(date|slots|reason)")
                .matcher(field);
        if (exception.matches()) {
            return "Exception " + (Integer.parseInt(exception.group(1)) + 1) + ": " + exception.group(2);
        }
        if (field.startsWith("slotsPerDay.")) {
            String day = field.substring("slotsPerDay.".length());
            return "Slots on " + day.charAt(0) + day.substring(1).toLowerCase(java.util.Locale.ROOT);
        }
        return switch (field) {
            case "slotsPerDay" -> "Slots per weekday";
            case "slotsPerWeek" -> "Slots for the whole week";
            case "manufacturerId" -> "Manufacturer id";
            case "siteCode" -> "Site code";
            case "siteName" -> "Site name";
            case "productCode" -> "Product";
            case "weekStart" -> "Week starting";
            case "mirroredFrom" -> "Copied from";
            default -> field;
        };
    }

    static CapacityPublication command(Map<String, String> form) {
        boolean weekly = "week".equals(form.get("mode"));
        Map<DayOfWeek, Integer> perDay = null;
        if (!weekly) {
            perDay = new EnumMap<>(DayOfWeek.class);
            for (DayOfWeek day : DayOfWeek.values()) {
                Integer slots = number(form.get("slots" + day.name()), "slotsPerDay." + day.name());
                perDay.put(day, slots == null ? 0 : slots); // a day left empty on the form has no slots
            }
        }
        List<CapacityPublication.CapacityException> exceptions = new ArrayList<>();
        for (int i = 0; i < EXCEPTION_ROWS; i++) {
            String date = form.get("exceptionDate" + i);
            if (date == null || date.isBlank()) {
                continue;
            }
            exceptions.add(new CapacityPublication.CapacityException(Fields.date(date, "exceptions[" + i + "].date"),
                    number(form.get("exceptionSlots" + i), "exceptions[" + i + "].slots"), form.get("exceptionReason" + i)));
        }
        String manufacturerId = blankToNull(form.get("manufacturerId"));
        return new CapacityPublication(manufacturerId == null ? null : new OrganisationId(Fields.id(manufacturerId, "manufacturerId")),
                form.get("siteCode"), form.get("siteName"), blankToNull(form.get("productCode")),
                Fields.date(form.get("weekStart"), "weekStart"), perDay,
                weekly ? required(number(form.get("slotsPerWeek"), "slotsPerWeek"), "slotsPerWeek") : null, exceptions,
                blankToNull(form.get("mirroredFrom")));
    }

    private static Integer number(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(field, "must be a whole number");
        }
    }

    private static Integer required(Integer value, String field) {
        if (value == null) {
            throw ProblemException.invalid(field, "is required");
        }
        return value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    // --- apheresis ------------------------------------------------------------------------------------------

    @GetMapping("/apheresis")
    String apheresisPage(Actor actor, Model model) {
        ApheresisUnit unit = apheresis.unit(actor).orElse(null);
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("chairsPerDay", unit == null ? "" : String.valueOf(unit.chairsPerDay()));
        form.put("openingDays", unit == null ? List.of() : unit.openingDays().stream().map(Enum::name).toList());
        form.put("version", unit == null ? "" : String.valueOf(unit.version()));
        return apheresisView(actor, unit, form, Map.of(), model);
    }

    @PostMapping("/apheresis")
    String configure(Actor actor, @RequestParam(defaultValue = "") String chairsPerDay,
            @RequestParam(required = false) List<String> openingDays, @RequestParam(defaultValue = "") String version,
            Model model, RedirectAttributes redirect) {
        try {
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            if (openingDays != null) {
                openingDays.forEach(d -> days.add(org.cartpath.shared.RequestFields.choice(d, DayOfWeek.class, "openingDays")));
            }
            Integer chairs = number(chairsPerDay, "chairsPerDay");
            apheresis.configure(actor, chairs, days, version.isBlank() ? null : number(version, "version"));
            redirect.addFlashAttribute("success", "The apheresis unit has been saved.");
            return "redirect:/scheduling/apheresis";
        } catch (ProblemException e) {
            if (e.status() == 403 || e.status() == 404) {
                throw e;
            }
            Map<String, Object> form = new LinkedHashMap<>();
            form.put("chairsPerDay", chairsPerDay);
            form.put("openingDays", openingDays == null ? List.of() : openingDays);
            form.put("version", version);
            model.addAttribute("bookingsInTheWay", e.properties().getOrDefault("bookingsInTheWay", List.of()));
            return apheresisView(actor, apheresis.unit(actor).orElse(null), form, FormErrors.of(e), model);
        }
    }

    @PostMapping("/apheresis/exceptions")
    String exception(Actor actor, @RequestParam(defaultValue = "") String date, @RequestParam(defaultValue = "") String chairs,
            @RequestParam(defaultValue = "") String reason, Model model, RedirectAttributes redirect) {
        try {
            LocalDate day = Fields.date(date, "date");
            apheresis.setException(actor, day, number(chairs, "chairs"), reason);
            redirect.addFlashAttribute("success", "The apheresis day " + day + " has been changed.");
            return "redirect:/scheduling/apheresis";
        } catch (ProblemException e) {
            if (e.status() == 403 || e.status() == 404) {
                throw e;
            }
            ApheresisUnit unit = apheresis.unit(actor).orElse(null);
            Map<String, Object> form = new LinkedHashMap<>();
            form.put("chairsPerDay", unit == null ? "" : String.valueOf(unit.chairsPerDay()));
            form.put("openingDays", unit == null ? List.of() : unit.openingDays().stream().map(Enum::name).toList());
            form.put("version", unit == null ? "" : String.valueOf(unit.version()));
            form.put("date", date);
            form.put("chairs", chairs);
            form.put("reason", reason);
            Map<String, String> errors = new LinkedHashMap<>();
            FormErrors.of(e).forEach((k, v) -> errors.put(k.equals("form") ? "date" : k, v));
            model.addAttribute("bookingsInTheWay", e.properties().getOrDefault("bookingsInTheWay", List.of()));
            return apheresisView(actor, unit, form, errors, model);
        }
    }

    private String apheresisView(Actor actor, ApheresisUnit unit, Map<String, Object> form, Map<String, String> errors,
            Model model) {
        LocalDate monday = calendars.weekOf(null);
        model.addAttribute("unit", unit);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("days", DayOfWeek.values());
        model.addAttribute("upcoming", unit == null ? List.of()
                : apheresis.days(DataVisibility.clinicalScope(actor), actor.organisationId(), monday, monday.plusWeeks(8).minusDays(1)));
        if (!model.containsAttribute("bookingsInTheWay")) {
            model.addAttribute("bookingsInTheWay", List.of());
        }
        return APHERESIS;
    }
}
