-- The therapy case (issue 3 item 6): one patient, one treatment line, with its stage, parties, timeline
-- and tasks.
create sequence therapy_case_reference_seq;

create table therapy_case
(
    id                        uuid primary key,
    reference                 text        not null unique,
    patient_id                uuid        not null,
    referring_organisation_id uuid        not null references organisation (id),
    treating_centre_id        uuid        not null references organisation (id),
    consultant_user_id        uuid references app_user (id),
    product_code              text,
    indication                text,
    jurisdiction              text,
    label_version_id          text,
    stage                     text        not null check (stage in ('REFERRED', 'TRIAGED', 'ELIGIBILITY_ASSESSED',
        'PANEL_APPROVED', 'SLOT_BOOKED', 'COLLECTED', 'IN_MANUFACTURING', 'RELEASED', 'RECEIVED', 'LYMPHODEPLETION',
        'INFUSED', 'MONITORING', 'FOLLOW_UP', 'COMPLETED', 'DECLINED', 'WITHDRAWN', 'DECEASED')),
    version                   integer     not null default 0,
    opened_at                 timestamptz not null,
    stage_changed_at          timestamptz not null
);
create index therapy_case_patient on therapy_case (patient_id);
create index therapy_case_stage on therapy_case (stage);
-- one open case per patient: a second referral while one is running is a duplicate
create unique index therapy_case_one_open_per_patient on therapy_case (patient_id)
    where stage not in ('COMPLETED', 'DECLINED', 'WITHDRAWN', 'DECEASED');

-- Who may see the case, and why (shared.DataVisibility decides how much).
create table case_party
(
    case_id         uuid        not null references therapy_case (id),
    organisation_id uuid        not null references organisation (id),
    role            text        not null check (role in ('REFERRING_HOSPITAL', 'TREATING_CENTRE', 'NATIONAL_PANEL',
                                                          'MANUFACTURER', 'COURIER')),
    added_at        timestamptz not null,
    primary key (case_id, organisation_id, role)
);
create index case_party_organisation on case_party (organisation_id);
call cartpath_make_append_only('case_party', '${appRoleName}');

-- Everything that happened to a case, in order; one entry per stage change.
create table case_timeline
(
    case_id           uuid        not null references therapy_case (id),
    sequence          integer     not null check (sequence > 0),
    at                timestamptz not null,
    actor_id          text        not null,
    actor_name        text        not null,
    organisation_name text,
    kind              text        not null,
    from_stage        text,
    to_stage          text,
    summary           text        not null,
    primary key (case_id, sequence)
);
call cartpath_make_append_only('case_timeline', '${appRoleName}');

create table case_task
(
    id        uuid primary key,
    case_id   uuid        not null references therapy_case (id),
    title     text        not null,
    role      text        not null,
    stage     text,
    due_on    date,
    opened_at timestamptz not null,
    closed_at timestamptz,
    closed_by text
);
create index case_task_open on case_task (case_id) where closed_at is null;
