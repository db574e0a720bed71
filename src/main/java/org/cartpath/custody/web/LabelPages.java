package org.cartpath.custody.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.cartpath.custody.chain.CustodyItem;
import org.cartpath.custody.chain.CustodyLog;
import org.cartpath.custody.chain.ItemKind;
import org.cartpath.custody.labels.LabelKind;
import org.cartpath.custody.labels.LabelPrint;
import org.cartpath.custody.labels.LabelPrinting;
import org.cartpath.custody.internal.CaseAccess;
import org.cartpath.journey.CaseId;
import org.cartpath.journey.CaseView;
import org.cartpath.shared.Actor;
import org.cartpath.shared.FormErrors;
import org.cartpath.shared.Ids;
import org.cartpath.shared.NotFoundException;
import org.cartpath.shared.ProblemException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Printing labels (ADR 0006): a new collection's bag label, then shipper and wristband labels and
 * reprints, each recorded. A printed label is shown as a PNG preview with its PDF to print; both are rendered
 * from the recorded print, so a label can always be shown again exactly as printed.
 */
@Controller
class LabelPages {

    static final String FORM = "custody/label-form";
    static final String PRINTED = "custody/label-printed";
    static final String COLLECTION_FORM = "custody/collection-form";

    private final LabelPrinting printing;
    private final CustodyLog log;
    private final CaseAccess access;
    private final ZoneId zone;

    LabelPages(LabelPrinting printing, CustodyLog log, CaseAccess access,
            @Value("${cartpath.time.zone:Europe/London}") String zone) {
        this.printing = printing;
        this.log = log;
        this.access = access;
        this.zone = ZoneId.of(zone);
    }

    /** The collection form: when the cells were collected (now by default), and a signed reason when off the booked day. */
    @GetMapping("/cases/{id}/collections/new")
    String collectionForm(Actor actor, @PathVariable String id, Model model) {
        return collectionForm(actor, CaseId.of(id), new HashMap<>(), Map.of(), model);
    }

    @PostMapping("/cases/{id}/collections")
    String newCollection(Actor actor, @PathVariable String id, @RequestParam Map<String, String> fields, Model model,
            HttpServletResponse response) {
        CaseId caseId = CaseId.of(id);
        Map<String, String> form = new HashMap<>(fields);
        form.remove("password");
        try {
            LabelPrint print = printing.newCollection(actor, caseId, new LabelPrinting.CollectionRequest(
                    dateTime(fields.get("collectedAt")), fields.get("place"), fields.get("reason"), fields.get("password")));
            return "redirect:/cases/" + id + "/labels/prints/" + print.id();
        } catch (ProblemException e) {
            if (e.status() == 403 || e.status() == 404) {
                throw e;
            }
            response.setStatus(e.status());
            return collectionForm(actor, caseId, form, FormErrors.of(e), model);
        }
    }

    private String collectionForm(Actor actor, CaseId caseId, Map<String, String> form, Map<String, String> errors,
            Model model) {
        CaseView view = access.centreStaff(actor, caseId);
        model.addAttribute("reference", view.therapyCase().reference());
        model.addAttribute("caseId", caseId.toString());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return COLLECTION_FORM;
    }

    /** A date and time as the browser's date-and-time box sends it, read on the centre's clock. */
    private java.time.Instant dateTime(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return java.time.LocalDateTime.parse(value.trim()).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("collectedAt", "must be a date and time, for example 2026-12-07T09:30");
        }
    }

    @GetMapping("/cases/{id}/labels/{kind}/new")
    String form(Actor actor, @PathVariable String id, @PathVariable String kind, @RequestParam(required = false) String bag,
            Model model) {
        LabelKind labelKind = kindOf(kind);
        Map<String, String> fields = new HashMap<>();
        if (labelKind == LabelKind.PATIENT_WRISTBAND) {
            // filled from the patient's record; the nurse checks it against the patient before printing
            LabelPrinting.WristbandEntry fromRecord = printing.fromRecord(actor, CaseId.of(id));
            fields.put("patientName", fromRecord.name());
            fields.put("nhsNumber", fromRecord.nhsNumber() == null ? "" : fromRecord.nhsNumber());
            fields.put("hospitalNumber", fromRecord.hospitalNumber() == null ? "" : fromRecord.hospitalNumber());
            fields.put("dateOfBirth", fromRecord.dateOfBirth().toString());
        }
        return form(actor, CaseId.of(id), labelKind, bagOf(CaseId.of(id), bag), fields, Map.of(), model);
    }

    @PostMapping("/cases/{id}/labels/{kind}")
    String print(Actor actor, @PathVariable String id, @PathVariable String kind, @RequestParam Map<String, String> fields,
            Model model, HttpServletResponse response) {
        CaseId caseId = CaseId.of(id);
        LabelKind labelKind = kindOf(kind);
        CustodyItem bag = bagOf(caseId, fields.get("bag"));
        try {
            LabelPrinting.WristbandEntry patient = labelKind == LabelKind.PATIENT_WRISTBAND
                    ? new LabelPrinting.WristbandEntry(fields.get("patientName"), fields.get("nhsNumber"),
                            fields.get("hospitalNumber"), date(fields.get("dateOfBirth")))
                    : null;
            LabelPrint print = printing.print(actor, caseId, bag.id(), labelKind, fields.get("reason"), patient);
            return "redirect:/cases/" + id + "/labels/prints/" + print.id();
        } catch (ProblemException e) {
            if (e.status() == 403 || e.status() == 404) {
                throw e;
            }
            response.setStatus(e.status());
            return form(actor, caseId, labelKind, bag, new HashMap<>(fields), FormErrors.of(e), model);
        }
    }

    @GetMapping("/cases/{id}/labels/prints/{printId}")
    String printed(Actor actor, @PathVariable String id, @PathVariable String printId, Model model) {
        LabelPrint print = printing.find(actor, CaseId.of(id), Ids.parse(printId, "label print"));
        model.addAttribute("print", print);
        model.addAttribute("slug", LabelPrint.slug(print.kind()));
        model.addAttribute("caseId", id);
        model.addAttribute("reference", access.view(actor, CaseId.of(id)).therapyCase().reference());
        return PRINTED;
    }

    @GetMapping("/cases/{id}/labels/{kind}.pdf")
    ResponseEntity<byte[]> pdf(Actor actor, @PathVariable String id, @PathVariable String kind,
            @RequestParam(required = false) String print) {
        return render(actor, id, kind, print, true);
    }

    @GetMapping("/cases/{id}/labels/{kind}.png")
    ResponseEntity<byte[]> png(Actor actor, @PathVariable String id, @PathVariable String kind,
            @RequestParam(required = false) String print) {
        return render(actor, id, kind, print, false);
    }

    private ResponseEntity<byte[]> render(Actor actor, String id, String kind, String print, boolean pdf) {
        UUID printId = print == null ? null : Ids.parse(print, "label print");
        byte[] body = printing.render(actor, CaseId.of(id), kindOf(kind), printId, pdf);
        return ResponseEntity.ok()
                .contentType(pdf ? MediaType.APPLICATION_PDF : MediaType.IMAGE_PNG)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(kind + (pdf ? ".pdf" : ".png")).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }

    private String form(Actor actor, CaseId caseId, LabelKind kind, CustodyItem bag, Map<String, String> form,
            Map<String, String> errors, Model model) {
        CaseView view = access.centreStaff(actor, caseId);
        boolean reprint = printing.prints(actor, caseId).stream().anyMatch(p -> p.itemId().equals(bag.id()) && p.kind() == kind);
        model.addAttribute("reference", view.therapyCase().reference());
        model.addAttribute("caseId", caseId.toString());
        model.addAttribute("kind", kind);
        model.addAttribute("slug", LabelPrint.slug(kind));
        model.addAttribute("bag", bag);
        model.addAttribute("reprint", reprint);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return FORM;
    }

    private CustodyItem bagOf(CaseId caseId, String bag) {
        CustodyItem item = log.item(Ids.parse(bag, "collection bag"));
        if (!item.caseId().equals(caseId) || item.kind() != ItemKind.COLLECTION_BAG) {
            throw new NotFoundException("collection bag", bag);
        }
        return item;
    }

    private static LabelKind kindOf(String slug) {
        LabelKind kind = LabelPrint.kindOf(slug);
        if (kind == null) {
            throw new NotFoundException("label", slug);
        }
        return kind;
    }

    private static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("dateOfBirth", "must be a real date, for example 1984-03-15");
        }
    }
}
