package org.cartpath.reporting.exports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.cartpath.shared.Actor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A case's registry ids and form submission statuses (ADR 0036), for the treating centre's data managers. */
@RestController
@RequestMapping("/api/v1/cases/{id}")
@Tag(name = "Registry reporting", description = "The patient's CIBMTR Research ID (CRID, 10 digits) and EBMT"
        + " registration id (centre code and patient number), and each registry form's submission status per time"
        + " point (NOT_SUBMITTED, SUBMITTED, ACCEPTED, RETURNED_WITH_QUERY). The treating centre's data managers only;"
        + " another centre's case 404. An id recorded for another patient is refused (409 registry-id-in-use).")
class RegistryReportingApiController {

    private final RegistryReporting reporting;

    RegistryReportingApiController(RegistryReporting reporting) {
        this.reporting = reporting;
    }

    @GetMapping("/registry-reporting")
    @Operation(summary = "The case's registry ids and forms' submission statuses")
    RegistryReporting.CaseReporting get(Actor actor, @PathVariable String id) {
        return reporting.ofCase(actor, ExportsPages.uuid(id));
    }

    @PostMapping("/registry-ids")
    @Operation(summary = "Record the patient's id in a registry: {registry, registryId, reason (to correct one)}")
    RegistryReporting.CaseReporting recordId(Actor actor, @PathVariable String id,
            @Valid @RequestBody RegistryReporting.IdEntry entry) {
        return reporting.recordId(actor, ExportsPages.uuid(id), entry);
    }

    @PostMapping("/registry-submissions")
    @Operation(summary = "Record a form's submission status: {form, timepoint, status, statusOn, query}")
    RegistryReporting.CaseReporting recordSubmission(Actor actor, @PathVariable String id,
            @Valid @RequestBody RegistryReporting.SubmissionEntry entry) {
        return reporting.recordSubmission(actor, ExportsPages.uuid(id), entry);
    }
}
