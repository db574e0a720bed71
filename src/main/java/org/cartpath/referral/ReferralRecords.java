package org.cartpath.referral;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cartpath.identity.OrganisationManagement;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.CaseView;
import org.cartpath.journey.Stage;
import org.cartpath.journey.TherapyCase;
import org.cartpath.referral.intake.AttachmentChecks;
import org.cartpath.referral.intake.AttachmentStore;
import org.cartpath.referral.intake.CheckedFile;
import org.cartpath.referral.intake.ReferralRoles;
import org.cartpath.referral.intake.ReferralStore;
import org.cartpath.shared.Actor;
import org.cartpath.shared.NotFoundException;
import org.cartpath.shared.OrganisationId;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.Role;
import org.springframework.stereotype.Component;

/**
 * A referral as the referral services ({@link Referrals}, {@link ReferralTriage}, {@link ReferralMessages}) all find,
 * show and save it: found only through a case the actor's organisation sees ("not found" otherwise), assembled into
 * the view with its messages and files, saved against its version, its files checked, its audited shape. Not an API:
 * package-private, and it joins the caller's transaction.
 */
@Component
class ReferralRecords {

    static final String ENTITY = "Referral";

    private final ReferralStore referrals;
    private final AttachmentStore attachments;
    private final AttachmentChecks checks;
    private final CaseJourney journey;
    private final OrganisationManagement organisations;
    private final Clock clock;

    ReferralRecords(ReferralStore referrals, AttachmentStore attachments, AttachmentChecks checks, CaseJourney journey,
            OrganisationManagement organisations, Clock clock) {
        this.referrals = referrals;
        this.attachments = attachments;
        this.checks = checks;
        this.journey = journey;
        this.organisations = organisations;
        this.clock = clock;
    }

    Referral visibleForUpdate(Actor actor, ReferralId id) {
        ReferralRoles.requireIdentityVisible(actor, id);
        ReferralRoles.requireReader(actor);
        Referral referral = referrals.findForUpdate(id).orElseThrow(() -> new NotFoundException("referral", id));
        caseOf(actor, referral);
        return referral;
    }

    /** The referral's case as the actor sees it; 404 unless the actor's organisation sees its patient. */
    CaseView caseOf(Actor actor, Referral referral) {
        CaseView view = journey.get(actor, referral.caseId());
        if (!view.identityVisible()) {
            throw new NotFoundException("referral", referral.id());
        }
        return view;
    }

    static void requireReferringReferrer(Actor actor, Referral referral) {
        ReferralRoles.requireReferrer(actor);
        if (!referral.referringOrganisation().equals(actor.organisationId())) {
            throw ProblemException.forbidden("Only the referring organisation adds files and answers questions");
        }
    }

    ReferralView assemble(Actor actor, Referral r, CaseView view) {
        Map<OrganisationId, String> names = names();
        boolean ofCentre = r.centre().equals(actor.organisationId());
        boolean ofReferrer = r.referringOrganisation().equals(actor.organisationId());
        TherapyCase c = view.therapyCase();
        return new ReferralView(r, c.reference(), c.stage(), names.get(r.referringOrganisation()), names.get(r.centre()),
                referrals.messages(r.id(), actor.organisationId()), attachments.list(r.id()),
                ofCentre && actor.hasRole(Role.COORDINATOR) && r.status() == ReferralStatus.SUBMITTED
                        && c.stage() == Stage.REFERRED,
                ofReferrer && actor.hasRole(Role.REFERRER) && r.status() == ReferralStatus.MORE_INFORMATION_REQUESTED,
                ofReferrer && actor.hasRole(Role.REFERRER) && r.status() != ReferralStatus.DECLINED);
    }

    Map<OrganisationId, String> names() {
        Map<OrganisationId, String> names = new LinkedHashMap<>();
        organisations.directory().forEach(o -> names.put(o.id(), o.name()));
        return names;
    }

    static void requireText(String field, String value, int max, String missing) {
        if (value == null) {
            throw ProblemException.invalid(field, missing);
        }
        if (value.length() > max) {
            throw ProblemException.invalid(field, "must be " + max + " characters or fewer");
        }
    }

    List<CheckedFile> checkFiles(int stored, List<Upload> uploads) {
        checks.requireRoom(stored, uploads.size());
        List<CheckedFile> files = new ArrayList<>();
        for (int i = 0; i < uploads.size(); i++) {
            files.add(checks.check(uploads.get(i), "files[" + i + "]"));
        }
        return files;
    }

    void save(Referral after, Referral before) {
        if (!referrals.update(after, before.version())) {
            throw ProblemException.conflict("stale-version", "The referral changed meanwhile; reload it and retry");
        }
    }

    Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    static Map<String, Object> auditView(Referral r) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("caseId", r.caseId().toString());
        view.put("patientId", r.patientId().toString());
        view.put("referringOrganisationId", r.referringOrganisation().toString());
        view.put("centreId", r.centre().toString());
        view.put("productCode", r.productCode());
        view.put("indication", r.indication());
        view.put("jurisdiction", r.jurisdiction());
        view.put("urgency", r.urgency().name());
        view.put("status", r.status().name());
        view.put("version", r.version());
        return view;
    }
}
