-- Follow-up clinical entries after infusion (docs/clinical/follow-up.md, ADR 0031): blood counts with growth factor
-- and transfusion support, B-cell aplasia and immunoglobulins (CD19+ B cells, IgG, immunoglobulin replacement), and
-- infections. Versioned and append-only like the response assessments (V145): a correction is a new row with the same
-- entry_id, the next version and a reason; no row is ever updated or deleted. The values are the kind's own fields,
-- checked by followup.FollowUpEntries; counts are in the units UK laboratories report (ANC and platelets 10^9/L,
-- haemoglobin g/L, IgG g/L, CD19+ B cells cells/µL).

create table followup_clinical_entry
(
    id                uuid primary key,
    entry_id          uuid        not null,
    version           integer     not null check (version >= 1),
    case_id           uuid        not null references followup_plan (case_id),
    kind              text        not null check (kind in ('BLOOD_COUNT', 'B_CELLS_AND_IMMUNOGLOBULIN', 'INFECTION')),
    observed_on       date        not null,
    entry_values      jsonb       not null,
    source_document   text,
    correction_reason text,
    recorded_by_id    text        not null,
    recorded_by_name  text        not null,
    recorded_at       timestamptz not null,
    unique (entry_id, version),
    check ((version = 1) = (correction_reason is null))
);
create index followup_clinical_entry_case on followup_clinical_entry (case_id, kind, observed_on);

call cartpath_make_append_only('followup_clinical_entry', '${appRoleName}');
