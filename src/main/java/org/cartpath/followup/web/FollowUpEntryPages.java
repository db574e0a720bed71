package org.cartpath.followup.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.cartpath.followup.FollowUpEntries;
import org.cartpath.followup.FollowUpEntry;
import org.cartpath.journey.CaseId;
import org.cartpath.journey.CaseJourney;
import org.cartpath.shared.Actor;
import org.cartpath.shared.FormErrors;
import org.cartpath.shared.Ids;
import org.cartpath.shared.ProblemException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The centre's pages for recording and correcting follow-up entries (blood counts, B cells and immunoglobulins,
 * infections): the same rules as the API (docs/clinical/follow-up.md), errors in the form's own labels.
 */
@Controller
class FollowUpEntryPages {

    private final FollowUpEntries entries;
    private final CaseJourney journey;

    FollowUpEntryPages(FollowUpEntries entries, CaseJourney journey) {
        this.entries = entries;
        this.journey = journey;
    }

    @GetMapping("/cases/{id}/follow-up/entries/new")
    String newForm(Actor actor, @PathVariable String id, @RequestParam(required = false) String kind, Model model) {
        CaseId caseId = CaseId.of(id);
        entries.dayZeroForRecording(actor, caseId);
        FollowUpEntry.Kind chosen = FollowUpEntry.Kind.parse(kind).orElse(FollowUpEntry.Kind.BLOOD_COUNT);
        Map<String, String> form = new HashMap<>();
        form.put("kind", chosen.name());
        return page(actor, caseId, chosen, null, model, form, Map.of());
    }

    @PostMapping("/cases/{id}/follow-up/entries")
    String record(Actor actor, @PathVariable String id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        CaseId caseId = CaseId.of(id);
        entries.dayZeroForRecording(actor, caseId);
        FollowUpEntry.Kind kind = FollowUpEntry.Kind.parse(form.get("kind")).orElse(FollowUpEntry.Kind.BLOOD_COUNT);
        FollowUpEntry saved;
        try {
            saved = entries.record(actor, caseId, entry(kind, form));
        } catch (ProblemException e) {
            if (e.status() == 403 || e.status() == 404) {
                throw e;
            }
            return page(actor, caseId, kind, null, model, new HashMap<>(form), FormErrors.of(e, labels(kind)));
        }
        redirect.addFlashAttribute("success", "Recorded: " + kind.label().toLowerCase() + " on " + saved.observedOn()
                + ".");
        return "redirect:/cases/" + caseId.value();
    }

    @GetMapping("/cases/{id}/follow-up/entries/{entryId}/correction")
    String correctionForm(Actor actor, @PathVariable String id, @PathVariable String entryId, Model model) {
        CaseId caseId = CaseId.of(id);
        FollowUpEntry before = entries.entryForCorrection(actor, caseId, Ids.parse(entryId, "follow-up entry"));
        Map<String, String> form = new HashMap<>();
        form.put("kind", before.kind().name());
        form.put("observedOn", before.observedOn().toString());
        form.put("sourceDocument", before.sourceDocument());
        form.put("expectedVersion", Integer.toString(before.version()));
        before.values().forEach((k, v) -> form.put("values." + k, v instanceof Number
                ? before.number(k).toPlainString() : String.valueOf(v)));
        return page(actor, caseId, before.kind(), before, model, form, Map.of());
    }

    @PostMapping("/cases/{id}/follow-up/entries/{entryId}/correction")
    String correct(Actor actor, @PathVariable String id, @PathVariable String entryId,
            @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        CaseId caseId = CaseId.of(id);
        UUID entry = Ids.parse(entryId, "follow-up entry");
        FollowUpEntry before = entries.entryForCorrection(actor, caseId, entry);
        Integer expected;
        try {
            expected = Integer.valueOf(form.getOrDefault("expectedVersion", ""));
        } catch (NumberFormatException e) {
            expected = null;
        }
        FollowUpEntry saved;
        try {
            saved = entries.correct(actor, caseId, entry, entry(before.kind(), form), form.get("reason"), expected);
        } catch (ProblemException e) {
            if (e.status() == 403 || e.status() == 404) {
                throw e;
            }
            return page(actor, caseId, before.kind(), before, model, new HashMap<>(form),
                    FormErrors.of(e, labels(before.kind())));
        }
        redirect.addFlashAttribute("success", "Corrected: " + before.kind().label().toLowerCase() + " on "
                + saved.observedOn() + " (version " + saved.version() + ").");
        return "redirect:/cases/" + caseId.value();
    }

    private static FollowUpEntries.Entry entry(FollowUpEntry.Kind kind, Map<String, String> form) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (FollowUpEntry.Field field : kind.fields()) {
            String value = form.get("values." + field.name());
            if (value != null && !value.isBlank()) {
                values.put(field.name(), value);
            }
        }
        LocalDate on = null;
        String date = form.get("observedOn");
        if (date != null && !date.isBlank()) {
            try {
                on = LocalDate.parse(date.trim());
            } catch (DateTimeParseException e) {
                throw ProblemException.invalid("observedOn", "must be a date (YYYY-MM-DD)");
            }
        }
        return new FollowUpEntries.Entry(kind, on, values, form.get("sourceDocument"));
    }

    static Map<String, String> labels(FollowUpEntry.Kind kind) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("kind", "What is recorded");
        labels.put("observedOn", "Date");
        labels.put("sourceDocument", "Source document");
        labels.put("reason", "Reason for the correction");
        for (FollowUpEntry.Field field : kind.fields()) {
            labels.put("values." + field.name(), field.labelWithUnit());
        }
        return labels;
    }

    private String page(Actor actor, CaseId caseId, FollowUpEntry.Kind kind, FollowUpEntry before, Model model,
            Map<String, String> form, Map<String, String> errors) {
        model.addAttribute("case", journey.get(actor, caseId).visibleCase());
        model.addAttribute("kind", kind);
        model.addAttribute("before", before);
        model.addAttribute("labels", labels(kind));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "followup/entry-form";
    }
}
