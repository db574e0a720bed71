package org.cartpath.followup.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cartpath.followup.FollowUpEntries;
import org.cartpath.followup.FollowUpEntry;
import org.cartpath.journey.CaseId;
import org.cartpath.shared.Actor;
import org.cartpath.shared.Ids;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.ProblemException.FieldProblem;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Follow-up clinical entries of an infused case (docs/clinical/follow-up.md, ADR 0031): blood counts (with ICAHT
 * derived from the ANC series), B cells and immunoglobulins, infections; recorded and corrected by the treating
 * centre's follow-up staff, read by the follow-up readers.
 */
@RestController
@RequestMapping("/api/v1/cases/{id}/follow-up/entries")
@Tag(name = "Follow-up entries", description = "Blood counts and ICAHT, B cells and immunoglobulins (and B-cell"
        + " aplasia), infections, subsequent therapy and CAR-T persistence after infusion: versioned, corrections with"
        + " a reason")
class FollowUpEntryApiController {

    // The shape of the request body, for the OpenAPI document only: the body is read field by field.
    record EntryBody(@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
            allowableValues = {"BLOOD_COUNT", "B_CELLS_AND_IMMUNOGLOBULIN", "INFECTION", "SUBSEQUENT_THERAPY",
                    "CAR_T_PERSISTENCE"}) String kind,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date",
                    description = "on or after day 0 (the infusion), not in the future") String observedOn,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "the kind's fields: BLOOD_COUNT anc,"
                    + " platelets (10^9/L), haemoglobin (g/L), growthFactor, redCellTransfusion, plateletTransfusion;"
                    + " B_CELLS_AND_IMMUNOGLOBULIN cd19BCells (cells/µL), igg (g/L), ivigGiven; INFECTION site,"
                    + " organismType, organism, severityGrade (\"1\"–\"5\"), admission, treatment; SUBSEQUENT_THERAPY"
                    + " therapyKind (ALLOGENEIC_TRANSPLANT, CAR_T, CHEMOTHERAPY, RADIOTHERAPY, TARGETED_OR_OTHER),"
                    + " intent (CONSOLIDATION, RELAPSE_OR_PROGRESSION, MAINTENANCE, PALLIATIVE), regimen;"
                    + " CAR_T_PERSISTENCE method (FLOW, QPCR), detected, value, unit (PERCENT_OF_T_CELLS,"
                    + " PERCENT_OF_LYMPHOCYTES, CELLS_PER_MICROLITRE, COPIES_PER_MICROGRAM_DNA)")
            Map<String, Object> values,
            String sourceDocument,
            @Schema(description = "corrections only: why") String reason,
            @Schema(description = "corrections only: the version corrected") Integer expectedVersion) {
    }

    private final FollowUpEntries entries;

    FollowUpEntryApiController(FollowUpEntries entries) {
        this.entries = entries;
    }

    @GetMapping
    @Operation(summary = "The case's follow-up entries: the current version of each, every version, the counts, and"
            + " ICAHT from the ANC series (early only from a complete daily series of days 0 to +30)")
    FollowUpEntries.History history(Actor actor, @PathVariable String id) {
        return entries.history(actor, CaseId.of(id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record blood counts, B cells and immunoglobulins, or an infection (the treating centre's"
            + " follow-up staff)",
            description = "409 case-not-infused before the infusion; 400 naming the field (observedOn before day 0,"
                    + " in the future or after a recorded death; values.<field> missing, negative, implausible or"
                    + " malformed).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = EntryBody.class))))
    FollowUpEntry record(Actor actor, @PathVariable String id, @RequestBody(required = false) JsonNode body) {
        CaseId caseId = CaseId.of(id);
        entries.dayZeroForRecording(actor, caseId);
        return entries.record(actor, caseId, entry(JsonInput.body(body), null));
    }

    @PostMapping("/{entryId}/corrections")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Correct an entry: a new version with a reason; the earlier versions are kept",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = EntryBody.class))))
    FollowUpEntry correct(Actor actor, @PathVariable String id, @PathVariable String entryId,
            @RequestBody(required = false) JsonNode body) {
        CaseId caseId = CaseId.of(id);
        UUID entry = Ids.parse(entryId, "follow-up entry");
        FollowUpEntry before = entries.entryForCorrection(actor, caseId, entry);
        JsonInput in = JsonInput.body(body);
        Integer expected = in.has("expectedVersion") ? in.requiredWholeNumber("expectedVersion", 1, Integer.MAX_VALUE)
                : null;
        return entries.correct(actor, caseId, entry, entry(in, before.kind()), in.text("reason"), expected);
    }

    /** The entry as sent; the kind defaults to the corrected entry's. 400 for a malformed kind, date or value. */
    static FollowUpEntries.Entry entry(JsonInput in, FollowUpEntry.Kind correcting) {
        List<FieldProblem> problems = new ArrayList<>();
        FollowUpEntry.Kind kind = correcting;
        String kindName = in.text("kind");
        if (kindName != null) {
            kind = FollowUpEntry.Kind.parse(kindName).orElse(null);
            if (kind == null) {
                problems.add(new FieldProblem("kind", "must be one of " + List.of(FollowUpEntry.Kind.values())));
            }
        }
        LocalDate observedOn = null;
        JsonNode date = in.value("observedOn");
        if (date != null) {
            try {
                observedOn = date.isString() ? LocalDate.parse(date.stringValue()) : null;
            } catch (DateTimeParseException e) {
                observedOn = null;
            }
            if (observedOn == null) {
                problems.add(new FieldProblem("observedOn", "must be a date (YYYY-MM-DD)"));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        JsonNode node = in.value("values");
        if (node != null && !node.isObject()) {
            problems.add(new FieldProblem("values", "must be an object of the kind's fields"));
        } else if (node != null && kind != null) {
            for (FollowUpEntry.Field field : kind.fields()) {
                JsonNode value = node.get(field.name());
                if (value == null || value.isNull()) {
                    continue;
                }
                switch (field.type()) {
                    case NUMBER -> {
                        if (value.isNumber()) {
                            values.put(field.name(), value.decimalValue());
                        } else {
                            problems.add(new FieldProblem("values." + field.name(), "must be a number"));
                        }
                    }
                    case BOOLEAN -> {
                        if (value.isBoolean()) {
                            values.put(field.name(), value.booleanValue());
                        } else {
                            problems.add(new FieldProblem("values." + field.name(), "must be true or false"));
                        }
                    }
                    default -> {
                        if (value.isString()) {
                            values.put(field.name(), value.stringValue());
                        } else {
                            problems.add(new FieldProblem("values." + field.name(), "must be text"));
                        }
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        return new FollowUpEntries.Entry(kind, observedOn, values, in.text("sourceDocument"));
    }
}
