package org.cartpath.patient.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.cartpath.patient.AntigenStatus;
import org.cartpath.patient.CnsStatus;
import org.cartpath.patient.Consent;
import org.cartpath.patient.ConsentForm;
import org.cartpath.patient.Diagnosis;
import org.cartpath.patient.DiseaseStatus;
import org.cartpath.patient.Entry;
import org.cartpath.patient.Measurement;
import org.cartpath.patient.OrganFunction;
import org.cartpath.patient.PerformanceStatus;
import org.cartpath.patient.TherapyLine;
import org.cartpath.patient.Transplant;
import org.cartpath.shared.Actor;

/** One entry of a patient's history as a row of the patient page: its date, what it says, who recorded it. */
record EntryRow(UUID id, LocalDate date, String text, String recordedBy, Instant recordedAt, Entry.Voided voided,
        boolean voidable, ConsentForm signedForm) {

    static EntryRow of(Entry<?> entry, Actor viewer, boolean mayVoid) {
        return of(entry, viewer, mayVoid, null);
    }

    /** A row with the signed consent form attached to the entry, when it has one. */
    static EntryRow of(Entry<?> entry, Actor viewer, boolean mayVoid, ConsentForm signedForm) {
        return new EntryRow(entry.id(), entry.details().effectiveOn(), describe(entry),
                entry.recorded().byName() + ", " + entry.recorded().organisationName(), entry.recorded().at(),
                entry.voided(),
                mayVoid && entry.active() && entry.recorded().organisationId().equals(viewer.organisationId()),
                signedForm);
    }

    /** The size of the signed form for people: "240 KB", "1.2 MB". */
    public String signedFormSize() {
        if (signedForm == null) {
            return null;
        }
        int bytes = signedForm.sizeBytes();
        return bytes < 1024 * 1024 ? Math.max(1, Math.round(bytes / 1024.0)) + " KB"
                : String.format(java.util.Locale.UK, "%.1f MB", bytes / 1024.0 / 1024.0);
    }

    static String describe(Entry<?> entry) {
        return switch (entry.kind()) {
            case MEASUREMENT -> measurement((Measurement) entry.details());
            case DIAGNOSIS -> diagnosis((Diagnosis) entry.details());
            case DISEASE_STATUS -> diseaseStatus((DiseaseStatus) entry.details());
            case THERAPY_LINE -> therapyLine((TherapyLine) entry.details());
            case TRANSPLANT -> ((Transplant) entry.details()).type().label() + " transplant";
            case ANTIGEN_STATUS -> antigen((AntigenStatus) entry.details());
            case CNS_STATUS -> ((CnsStatus) entry.details()).status().label();
            case PERFORMANCE_STATUS -> performance((PerformanceStatus) entry.details());
            case ORGAN_FUNCTION -> organFunction((OrganFunction) entry.details());
            case CONSENT -> consent((Consent) entry.details());
        };
    }

    private static String measurement(Measurement m) {
        List<String> parts = new ArrayList<>();
        if (m.weightKg() != null) {
            parts.add("Weight " + plain(m.weightKg()) + " kg");
        }
        if (m.heightCm() != null) {
            parts.add("height " + plain(m.heightCm()) + " cm");
        }
        String text = String.join(", ", parts);
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String diagnosis(Diagnosis d) {
        return d.code().label() + (d.description() == null ? "" : " (" + d.description() + ")");
    }

    private static String diseaseStatus(DiseaseStatus s) {
        StringBuilder text = new StringBuilder(Boolean.TRUE.equals(s.refractory()) ? "Refractory" : "Not refractory");
        text.append(s.relapseNumber() == 0 ? "; never relapsed" : "; relapse " + s.relapseNumber());
        if (Boolean.TRUE.equals(s.relapseAfterTransplant())) {
            text.append(", after transplant");
        }
        if (s.relapsedOn() != null) {
            text.append("; relapsed on ").append(s.relapsedOn());
        }
        if (s.monthsFromFirstLineEndToRelapse() != null) {
            text.append("; ").append(s.monthsFromFirstLineEndToRelapse()).append(" months from end of first line");
        }
        return text.toString();
    }

    private static String therapyLine(TherapyLine l) {
        StringBuilder text = new StringBuilder("Line " + l.lineNumber() + ": " + l.regimen());
        text.append(l.endedOn() == null ? " (ongoing)" : " (to " + l.endedOn() + ")");
        if (l.bestResponse() != null) {
            text.append("; best response ").append(l.bestResponse().label().toLowerCase());
        }
        if (!l.tags().isEmpty()) {
            text.append("; includes ").append(String.join(", ", l.tags().stream().sorted()
                    .map(TherapyLine.Tag::label).toList()));
        }
        return text.toString();
    }

    private static String antigen(AntigenStatus a) {
        return a.antigen() + " " + a.result().label().toLowerCase() + (a.method() == null ? "" : " (" + a.method() + ")");
    }

    private static String performance(PerformanceStatus p) {
        return p.scale().label() + " " + p.score();
    }

    private static String organFunction(OrganFunction o) {
        List<String> parts = new ArrayList<>();
        add(parts, "Creatinine", o.creatinineMicromolPerLitre(), " µmol/L");
        add(parts, "Bilirubin", o.bilirubinMicromolPerLitre(), " µmol/L");
        add(parts, "ALT", o.altUnitsPerLitre(), " U/L");
        add(parts, "LVEF", o.lvefPercent(), "%");
        add(parts, "SpO2", o.spo2Percent(), "%");
        return String.join(", ", parts);
    }

    private static String consent(Consent c) {
        return c.type().label() + ": " + c.decision().label().toLowerCase() + (c.note() == null ? "" : " (" + c.note() + ")");
    }

    private static void add(List<String> parts, String name, BigDecimal value, String unit) {
        if (value != null) {
            parts.add(name + " " + plain(value) + unit);
        }
    }

    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
