package org.cartpath.referral.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cartpath.catalogue.Catalogue;
import org.cartpath.catalogue.Indication;
import org.cartpath.catalogue.Jurisdiction;
import org.cartpath.journey.CaseJourney;
import org.cartpath.patient.Address;
import org.cartpath.patient.DiagnosisCode;
import org.cartpath.patient.PatientDetails;
import org.cartpath.patient.PatientId;
import org.cartpath.patient.PatientManagement;
import org.cartpath.patient.PatientSummary;
import org.cartpath.patient.Sex;
import org.cartpath.referral.CentreChoice;
import org.cartpath.referral.NewReferral;
import org.cartpath.referral.ReferralId;
import org.cartpath.referral.ReferralMessages;
import org.cartpath.referral.Referrals;
import org.cartpath.referral.ReferralSummary;
import org.cartpath.referral.ReferralView;
import org.cartpath.referral.Urgency;
import org.cartpath.referral.intake.AttachmentChecks;
import org.cartpath.referral.intake.ReferralRoles;
import org.cartpath.shared.Actor;
import org.cartpath.shared.Ids;
import org.cartpath.shared.Page;
import org.cartpath.shared.ProblemException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The referrer's pages: their organisation's referrals, a new referral, and a referral with its case's timeline. */
@Controller
@RequestMapping("/referrals")
class ReferralPageController {

    static final String LIST = "referral/referral-list";
    static final String FORM = "referral/referral-new";
    static final String VIEW = "referral/referral-view";
    static final String PAGE_PURPOSE = "referral page";
    private static final int PAGE_SIZE = 25;

    /** A line of the list: the referral and who the patient is. */
    record Line(ReferralSummary summary, PatientSummary patient) {
    }

    private final Referrals referrals;
    private final ReferralMessages messages;
    private final PatientManagement patients;
    private final CaseJourney journey;
    private final Catalogue catalogue;
    private final AttachmentChecks limits;

    ReferralPageController(Referrals referrals, ReferralMessages messages, PatientManagement patients,
            CaseJourney journey, Catalogue catalogue, AttachmentChecks limits) {
        this.referrals = referrals;
        this.messages = messages;
        this.patients = patients;
        this.journey = journey;
        this.catalogue = catalogue;
        this.limits = limits;
    }

    @GetMapping
    String list(Actor actor, @RequestParam(defaultValue = "0") int page, Model model) {
        Page<ReferralSummary> found = referrals.list(actor, null, new Page.Request(Math.max(0, page), PAGE_SIZE));
        model.addAttribute("referrals", found.map(s -> new Line(s, patients.get(actor,
                new PatientId(s.referral().patientId()), "referral list").summary())));
        model.addAttribute("canRefer", actor.hasRole(org.cartpath.shared.Role.REFERRER));
        return LIST;
    }

    @GetMapping("/new")
    String newForm(Actor actor, Model model) {
        ReferralRoles.requireIdentityVisible(actor, null);
        ReferralRoles.requireReferrer(actor);
        Map<String, String> form = new HashMap<>();
        form.put("jurisdiction", Jurisdiction.UK.name());
        form.put("urgency", Urgency.ROUTINE.name());
        return form(actor, model, form, ReferralForms.errors());
    }

    @PostMapping
    String refer(Actor actor, @RequestParam Map<String, String> fields,
            @RequestParam(name = "files", required = false) List<MultipartFile> files, Model model,
            RedirectAttributes redirect) {
        ReferralRoles.requireIdentityVisible(actor, null);
        ReferralRoles.requireReferrer(actor);
        Map<String, String> errors = ReferralForms.errors();
        PatientDetails patient = new PatientDetails(fields.get("patient.nhsNumber"),
                fields.get("patient.localHospitalNumber"), fields.get("patient.givenName"),
                fields.get("patient.familyName"), ReferralForms.date(fields, "patient.dateOfBirth", errors),
                choice(Sex.class, fields, "patient.sex", errors), new Address(fields.get("patient.address.line1"),
                        fields.get("patient.address.line2"), fields.get("patient.address.town"),
                        fields.get("patient.address.postcode")));
        NewReferral command = new NewReferral(null, patient, ReferralForms.text(fields, "diagnosisCode"),
                ReferralForms.text(fields, "diagnosisDescription"), ReferralForms.date(fields, "diagnosedOn", errors),
                fields.get("centreId"), fields.get("productCode"), fields.get("indication"), fields.get("jurisdiction"),
                fields.get("urgency"), fields.get("clinicalSummary"), ReferralForms.uploads(files));
        if (errors.isEmpty()) {
            try {
                ReferralView created = referrals.refer(actor, command);
                redirect.addFlashAttribute("success", "Your referral " + created.caseReference() + " has been sent to "
                        + created.centreName() + ".");
                return "redirect:/referrals/" + created.referral().id();
            } catch (ProblemException e) {
                ReferralForms.rethrowUnlessFormError(e);
                ReferralForms.addErrors(errors, e, "files");
            }
        }
        if (!command.files().isEmpty()) {
            errors.putIfAbsent("files", "Choose the files again: nothing was saved, so they were not kept");
        }
        return form(actor, model, fields, errors);
    }

    @GetMapping("/{id}")
    String view(Actor actor, @PathVariable String id, Model model) {
        ReferralView view = referrals.get(actor, ReferralId.of(id), PAGE_PURPOSE);
        return render(actor, view, model, ReferralForms.errors());
    }

    @PostMapping("/{id}/answer")
    String answer(Actor actor, @PathVariable String id, @RequestParam(defaultValue = "") String answer,
            @RequestParam(name = "files", required = false) List<MultipartFile> files, Model model,
            RedirectAttributes redirect) {
        ReferralId referral = ReferralId.of(id);
        try {
            messages.answer(actor, referral, answer, ReferralForms.uploads(files));
        } catch (ProblemException e) {
            ReferralForms.rethrowUnlessFormError(e);
            Map<String, String> errors = ReferralForms.errors();
            ReferralForms.addErrors(errors, e, "answer-files");
            model.addAttribute("answer", answer);
            return render(actor, referrals.get(actor, referral, PAGE_PURPOSE), model, errors);
        }
        redirect.addFlashAttribute("success", "Your answer has been sent to the centre.");
        return "redirect:/referrals/" + id;
    }

    @PostMapping("/{id}/attachments")
    String attach(Actor actor, @PathVariable String id, @RequestParam(name = "file", required = false) MultipartFile file,
            Model model, RedirectAttributes redirect) {
        ReferralId referral = ReferralId.of(id);
        try {
            List<org.cartpath.referral.Upload> uploads = ReferralForms.uploads(file == null ? null : List.of(file));
            if (uploads.isEmpty()) {
                throw ProblemException.invalid("file", "is required: choose a file");
            }
            referrals.attach(actor, referral, uploads.get(0));
        } catch (ProblemException e) {
            ReferralForms.rethrowUnlessFormError(e);
            Map<String, String> errors = ReferralForms.errors();
            ReferralForms.addErrors(errors, e, "file");
            return render(actor, referrals.get(actor, referral, PAGE_PURPOSE), model, errors);
        }
        redirect.addFlashAttribute("success", "The file has been added to the referral.");
        return "redirect:/referrals/" + id;
    }

    @GetMapping("/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> download(Actor actor, @PathVariable String id, @PathVariable String attachmentId) {
        UUID attachment = Ids.parse(attachmentId, "attachment");
        return ReferralAttachmentApiController.Downloads.of(referrals.attachment(actor, ReferralId.of(id), attachment));
    }

    private String render(Actor actor, ReferralView view, Model model, Map<String, String> errors) {
        model.addAttribute("view", view);
        model.addAttribute("patient", patients.get(actor, new PatientId(view.referral().patientId()), PAGE_PURPOSE));
        model.addAttribute("timeline", journey.timeline(actor, view.referral().caseId()));
        model.addAttribute("errors", errors);
        model.addAttribute("maxMegabytes", limits.maxBytes() / 1024 / 1024);
        model.addAttribute("maxFiles", limits.maxPerReferral());
        // the page shows the messages with their unread markers, then they count as read
        messages.markRead(actor, view.referral().id());
        return VIEW;
    }

    private String form(Actor actor, Model model, Map<String, String> form, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        List<CentreChoice> centres = referrals.centres(actor);
        model.addAttribute("nearCentres", centres.stream().filter(CentreChoice::inReferrersRegion).toList());
        model.addAttribute("otherCentres", centres.stream().filter(c -> !c.inReferrersRegion()).toList());
        model.addAttribute("products", productChoices(form));
        model.addAttribute("indications", Indication.values());
        model.addAttribute("jurisdictions", Jurisdiction.values());
        model.addAttribute("diagnoses", DiagnosisCode.values());
        model.addAttribute("urgencies", Urgency.values());
        model.addAttribute("sexes", Sex.values());
        model.addAttribute("maxMegabytes", limits.maxBytes() / 1024 / 1024);
        model.addAttribute("maxFiles", limits.maxPerReferral());
        return FORM;
    }

    /**
     * The product list alone, for the form to refresh when the indication or the jurisdiction changes (htmx), so that
     * only the products licensed for the chosen indication are offered.
     */
    @GetMapping("/new/products")
    String productField(Actor actor, @RequestParam Map<String, String> fields, Model model) {
        ReferralRoles.requireReferrer(actor);
        model.addAttribute("form", fields);
        model.addAttribute("errors", ReferralForms.errors());
        model.addAttribute("products", productChoices(fields));
        return FORM + " :: productField";
    }

    /** Every product until an indication is chosen; then those whose current label covers it. */
    private List<org.cartpath.catalogue.Product> productChoices(Map<String, String> form) {
        Indication indication = known(Indication.class, form.get("indication"));
        if (indication == null) {
            return catalogue.products();
        }
        Jurisdiction jurisdiction = known(Jurisdiction.class, form.get("jurisdiction"));
        return catalogue.productsLicensedFor(indication, jurisdiction == null ? Jurisdiction.UK : jurisdiction);
    }

    private static <E extends Enum<E>> E known(Class<E> type, String value) {
        return value == null ? null : java.util.Arrays.stream(type.getEnumConstants())
                .filter(c -> c.name().equals(value.strip())).findFirst().orElse(null);
    }

    private static <E extends Enum<E>> E choice(Class<E> type, Map<String, String> fields, String name,
            Map<String, String> errors) {
        String value = fields.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            errors.put(name, "Choose a " + ReferralForms.label(name).toLowerCase(java.util.Locale.ROOT));
            return null;
        }
    }
}
