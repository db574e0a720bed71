-- Eligibility assessments (issue 3 item 4): each is stored exactly as the consultant saw it (the evaluation
-- as canonical JSON, with its SHA-256), with the consultant's decision and signature. Append-only: a
-- re-assessment is the next version of the case's assessments, with a reason.
create table eligibility_assessment
(
    id                uuid primary key,
    case_id           uuid        not null references therapy_case (id),
    version           integer     not null check (version > 0),
    label_version_id  text        not null references catalogue_label_version (id),
    product_code      text        not null,
    indication        text        not null,
    jurisdiction      text        not null,
    as_of             date        not null,
    outcome           text        not null check (outcome in ('MET', 'NOT_MET', 'UNKNOWN')),
    decision          text        not null check (decision in ('CONFIRMED', 'OVERRIDDEN')),
    proceeds          boolean     not null,
    reason            text check (length(reason) between 1 and 1000),
    evaluation        text        not null,
    evaluation_digest text        not null check (evaluation_digest ~ '^[0-9a-f]{64}$'),
    signature_id      uuid        not null references electronic_signature (id),
    assessed_at       timestamptz not null,
    assessed_by_id    text        not null,
    assessed_by_name  text        not null,
    organisation_id   uuid        not null references organisation (id),
    organisation_name text        not null,
    unique (case_id, version),
    -- an override always says why; so does every re-assessment
    check (decision = 'CONFIRMED' or reason is not null),
    check (version = 1 or reason is not null),
    check (proceeds = ((decision = 'CONFIRMED') = (outcome = 'MET')))
);
call cartpath_make_append_only('eligibility_assessment', '${appRoleName}');
