package org.cartpath.custody.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.cartpath.custody.chain.CustodyLog;
import org.cartpath.custody.chain.VerificationStep;
import org.cartpath.custody.internal.CaseAccess;
import org.cartpath.custody.internal.IdentifierStore;
import org.cartpath.custody.scan.Scan;
import org.cartpath.custody.scan.ScanOutcome;
import org.cartpath.custody.scan.ScanPrompt;
import org.cartpath.custody.scan.ScanRecorder;
import org.cartpath.custody.scan.ScanRefused;
import org.cartpath.custody.verification.Verification;
import org.cartpath.custody.verification.Verifications;
import org.cartpath.journey.CaseId;
import org.cartpath.journey.CaseView;
import org.cartpath.patient.Demographics;
import org.cartpath.patient.PatientId;
import org.cartpath.patient.PatientManagement;
import org.cartpath.shared.Actor;
import org.cartpath.shared.FormErrors;
import org.cartpath.shared.Ids;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.RequestFields;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The scan page of a two-person check (ADR 0016): one autofocused input that takes a keyboard-wedge scan
 * (the scanner types the data and Enter) or typed entry; each scan is compared with what the step expects and
 * recorded. A match shows green and asks for the next scan; a mismatch is the full-screen hard stop.
 */
@Controller
class VerificationPages {

    static final String SCAN_PAGE = "custody/verification";
    /** NPSA SPN 24 wristband style, as the wristband prints it: 06-Jan-1953. */
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MMM-yyyy", Locale.ENGLISH);

    private final Verifications verifications;
    private final ScanRecorder scans;
    private final CustodyLog log;
    private final CaseAccess access;
    private final IdentifierStore identifiers;
    private final HardStopPages hardStops;
    private final PatientManagement patients;

    /**
     * What the two people compare by eye at the patient (NPSA Safer Practice Notice 24): the patient's name, date of
     * birth and NHS number (or hospital number) from their record, against the wristband, and the COI against the bag.
     * Shown on the treating centre's scan page only, never to a manufacturer or courier.
     */
    record EyeCheck(String name, String dateOfBirth, String nhsNumber, String hospitalNumber) {
    }

    VerificationPages(Verifications verifications, ScanRecorder scans, CustodyLog log, CaseAccess access,
            IdentifierStore identifiers, HardStopPages hardStops, PatientManagement patients) {
        this.verifications = verifications;
        this.scans = scans;
        this.log = log;
        this.access = access;
        this.identifiers = identifiers;
        this.hardStops = hardStops;
        this.patients = patients;
    }

    @PostMapping("/cases/{id}/verifications")
    String open(Actor actor, @PathVariable String id, @RequestParam(required = false) String itemId,
            @RequestParam(required = false) String step) {
        VerificationStep chosen = RequestFields.choice(step, VerificationStep.class, "step");
        Verification v = verifications.open(actor, CaseId.of(id), Ids.parse(itemId, "custody item"), chosen, null);
        return "redirect:/verifications/" + v.id();
    }

    @GetMapping("/verifications/{id}")
    String show(Actor actor, @PathVariable String id, Model model) {
        Verification v = verifications.find(actor, Ids.parse(id, "verification"));
        return page(actor, v, Map.of(), model);
    }

    @PostMapping("/verifications/{id}/scans")
    String scan(Actor actor, @PathVariable String id, @RequestParam(required = false) String scanned, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        Verification v = verifications.find(actor, Ids.parse(id, "verification"));
        try {
            Scan scan = verifications.scan(actor, v.id(), scanned);
            redirect.addFlashAttribute("matched", scan.prompt() == ScanPrompt.PATIENT_WRISTBAND
                    ? "MATCH: the wristband is this case's patient's"
                    : "MATCH: " + scan.expected() + " is " + scan.prompt().label());
            return "redirect:/verifications/" + v.id();
        } catch (ScanRefused refused) {
            if (refused.scan().outcome() == ScanOutcome.MISMATCH) {
                response.setStatus(422);
                return hardStops.render(actor, refused.scan(), Map.of(), model);
            }
            response.setStatus(refused.status());
            return page(actor, v, Map.of("scanned", refused.detail()), model);
        } catch (ProblemException e) {
            if (e.status() == 403 || e.status() == 404) {
                throw e;
            }
            response.setStatus(e.status());
            return page(actor, v, FormErrors.of(e), model);
        }
    }

    @PostMapping("/verifications/{id}/signatures")
    String sign(Actor actor, @PathVariable String id, @RequestParam(required = false) String password, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        Verification v = verifications.find(actor, Ids.parse(id, "verification"));
        try {
            Verification signed = verifications.sign(actor, v.id(), password);
            if (signed.status() == Verification.Status.COMPLETED) {
                redirect.addFlashAttribute("success", "The " + v.step().label().toLowerCase()
                        + " is complete: two people scanned and signed.");
                return "redirect:/cases/" + v.caseId();
            }
            redirect.addFlashAttribute("success", "Signed. A different person must now scan and sign as the second check.");
            return "redirect:/verifications/" + v.id();
        } catch (ProblemException e) {
            if (e.status() == 403 || e.status() == 404) {
                throw e;
            }
            response.setStatus(e.status());
            Map<String, String> errors = e.type().equals("signature-refused") ? Map.of("password", e.detail()) : FormErrors.of(e);
            return page(actor, v, errors, model);
        }
    }

    /**
     * The witness of a check at the patient signs on this device, with their own username and password, after scanning
     * every prompt again (ADR 16, same-device witnessing). Refusals are shown in the form's own words; a mismatch is
     * the hard stop, as on the witness's own device.
     */
    @PostMapping("/verifications/{id}/same-device-witness")
    String witnessHere(Actor actor, @PathVariable String id, @RequestParam(required = false) String witnessUsername,
            @RequestParam(required = false) String witnessPassword, HttpServletRequest request, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        Verification v = verifications.find(actor, Ids.parse(id, "verification"));
        List<String> scanned = IntStream.range(0, v.prompts().size())
                .mapToObj(i -> request.getParameter(Verifications.witnessScanField(i))).toList();
        model.addAttribute("witnessUsername", witnessUsername == null ? "" : witnessUsername.trim());
        try {
            Verification done = verifications.witnessOnThisDevice(actor, v.id(), witnessUsername, witnessPassword,
                    scanned, request.getRemoteAddr());
            redirect.addFlashAttribute("success", "The " + v.step().label().toLowerCase()
                    + " is complete: two people scanned and signed, the witness on this device.");
            return "redirect:/cases/" + done.caseId();
        } catch (ScanRefused refused) {
            if (refused.scan().outcome() == ScanOutcome.MISMATCH) {
                response.setStatus(422);
                return hardStops.render(actor, refused.scan(), Map.of(), model);
            }
            response.setStatus(refused.status());
            int index = v.prompts().indexOf(refused.scan().prompt());
            return page(actor, v, Map.of(Verifications.witnessScanField(Math.max(index, 0)), refused.detail()), model);
        } catch (ProblemException e) {
            if (e.status() == 403 || e.status() == 404) {
                throw e;
            }
            response.setStatus(e.status());
            return page(actor, v, FormErrors.of(e, witnessLabels(v)), model);
        }
    }

    /** The same-device form's labels, for messages that continue their field. */
    private static Map<String, String> witnessLabels(Verification v) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("witnessUsername", "The witness's username");
        labels.put("witnessPassword", "The witness's password");
        for (int i = 0; i < v.prompts().size(); i++) {
            labels.put(Verifications.witnessScanField(i), "The witness's scan of " + v.prompts().get(i).label());
        }
        return labels;
    }

    private String page(Actor actor, Verification v, Map<String, String> errors, Model model) {
        CaseView view = access.centreStaff(actor, v.caseId());
        List<ScanPrompt> missing = v.status() == Verification.Status.OPEN ? verifications.missingFor(actor, v) : List.of();
        Map<ScanPrompt, Boolean> checklist = new LinkedHashMap<>();
        v.prompts().forEach(p -> checklist.put(p, !missing.contains(p)));
        boolean firstSigner = v.firstUser() != null && v.firstUser().toString().equals(actor.id());
        model.addAttribute("verification", v);
        model.addAttribute("reference", view.therapyCase().reference());
        model.addAttribute("caseId", v.caseId().toString());
        model.addAttribute("item", log.item(v.itemId()));
        model.addAttribute("coi", identifiers.coi(v.caseId()).orElse(null));
        boolean mayTakePart = v.step().roles().stream().anyMatch(actor::hasRole);
        // only for the people who make the check (their roles all read patient records); the read is logged
        model.addAttribute("eyeCheck", mayTakePart && v.prompts().contains(ScanPrompt.PATIENT_WRISTBAND)
                ? eyeCheck(actor, view.therapyCase().patientId()) : null);
        model.addAttribute("checklist", checklist);
        model.addAttribute("next", missing.isEmpty() ? null : missing.get(0));
        model.addAttribute("firstSigner", firstSigner);
        model.addAttribute("mayTakePart", mayTakePart);
        // the witness may sign here, on the first person's device, at the patient (ADR 16)
        model.addAttribute("witnessHere", firstSigner && mayTakePart && v.status() == Verification.Status.OPEN
                && v.awaitingPerson() == 2 && Verifications.SAME_DEVICE_STEPS.contains(v.step()));
        if (!model.containsAttribute("witnessUsername")) {
            model.addAttribute("witnessUsername", "");
        }
        model.addAttribute("witnessedHere", v.witnessedOnSameDevice());
        model.addAttribute("centreName", actor.organisationName());
        model.addAttribute("scans", scans.ofVerification(v.id()));
        model.addAttribute("errors", errors);
        return SCAN_PAGE;
    }

    private EyeCheck eyeCheck(Actor actor, UUID patientId) {
        Demographics record = patients.get(actor, new PatientId(patientId), "Identity check at the patient").demographics();
        return new EyeCheck(record.displayName(), DAY.format(record.dateOfBirth()),
                record.nhsNumber() == null ? null : record.nhsNumber().formatted(), record.localHospitalNumber());
    }
}
