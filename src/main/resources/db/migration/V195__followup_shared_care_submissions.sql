-- Shared care after discharge (docs/clinical/follow-up.md, "Shared care with the referring hospital"): the referring
-- hospital submits the clinic visits it holds; a submission is pending until the treating centre's data manager or
-- consultant accepts it (it then becomes the recorded visit, and completes the registry time point it names) or
-- returns it with a question (the hospital corrects it and submits a new version).
--
-- The submission row holds where it stands; what was submitted (each version) and each decision are append-only.
-- One decision per version (the review's primary key) and one open submission per visit (the partial unique index)
-- are the database's own guard against a visit accepted twice (hazard H-25).

create table followup_submission
(
    id          uuid primary key,
    case_id     uuid        not null references followup_plan (case_id),
    hospital_id uuid        not null references organisation (id),
    visit_key   text        not null,
    timepoint   text check (timepoint ~ '^(DAY_100|MONTH_6|YEAR_([1-9]|1[0-5]))$'),
    status      text        not null check (status in ('PENDING', 'RETURNED', 'ACCEPTED')),
    version     integer     not null check (version >= 1),
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    foreign key (case_id, visit_key) references followup_clinic_visit (case_id, visit_key)
);
create unique index followup_submission_one_open_per_visit on followup_submission (case_id, visit_key)
    where status <> 'ACCEPTED';
create index followup_submission_status on followup_submission (status) where status <> 'ACCEPTED';

create table followup_submission_version
(
    submission_id     uuid        not null references followup_submission (id),
    version           integer     not null check (version >= 1),
    attended          boolean     not null,
    visit_on          date        not null,
    reason            text,
    note              text,
    nhs_number        text,
    submitted_by_id   text        not null,
    submitted_by_name text        not null,
    submitted_at      timestamptz not null,
    primary key (submission_id, version),
    check (attended or reason is not null)
);
call cartpath_make_append_only('followup_submission_version', '${appRoleName}');

create table followup_submission_review
(
    submission_id    uuid        not null,
    version          integer     not null,
    decision         text        not null check (decision in ('ACCEPTED', 'RETURNED')),
    question         text,
    reviewed_by_id   text        not null,
    reviewed_by_name text        not null,
    reviewed_at      timestamptz not null,
    primary key (submission_id, version),
    foreign key (submission_id, version) references followup_submission_version (submission_id, version),
    check (decision = 'ACCEPTED' or question is not null)
);
call cartpath_make_append_only('followup_submission_review', '${appRoleName}');
