-- Disease response assessments after infusion (docs/clinical/response-assessment.md): versioned, append-only
-- clinical entries. A correction is a new row with the same response_id, the next version and a reason; no row is
-- ever updated or deleted. The category is derived by cartpath from the framework's inputs (derived_category); the
-- consultant may record a different one only with a reason and a signature (category_reason, signature_id).

create table followup_response_assessment
(
    id                uuid primary key,
    response_id       uuid        not null,
    version           integer     not null check (version >= 1),
    case_id           uuid        not null references followup_plan (case_id),
    assessed_on       date        not null,
    framework         text        not null check (framework in ('B_ALL', 'LUGANO_2014_PET', 'LUGANO_2014_CT',
                                                                  'IMWG_2016')),
    inputs            jsonb       not null,
    derived_category  text        not null,
    category          text        not null,
    category_reason   text,
    signature_id      uuid,
    source_document   text,
    correction_reason text,
    recorded_by_id    text        not null,
    recorded_by_name  text        not null,
    recorded_at       timestamptz not null,
    unique (response_id, version),
    check ((category = derived_category) or (category_reason is not null and signature_id is not null)),
    check ((version = 1) = (correction_reason is null))
);
create index followup_response_assessment_case on followup_response_assessment (case_id, assessed_on);

call cartpath_make_append_only('followup_response_assessment', '${appRoleName}');
