-- The national CAR-T clinical panel (issue 3 item 5): weekly meetings of a NATIONAL_PANEL organisation,
-- the agenda of cases submitted by treatment centres, the members present, their votes and the chair's
-- signed decisions. Attendance, votes and decisions are append-only; the agenda item's status is workflow.
create table panel_meeting
(
    id                    uuid primary key,
    panel_organisation_id uuid        not null references organisation (id),
    meets_on              date        not null,
    chair_user_id         uuid        not null references app_user (id),
    chair_name            text        not null,
    created_at            timestamptz not null,
    created_by_name       text        not null,
    unique (panel_organisation_id, meets_on)
);

create table panel_agenda_item
(
    id                         uuid primary key,
    meeting_id                 uuid        not null references panel_meeting (id),
    case_id                    uuid        not null references therapy_case (id),
    case_reference             text        not null,
    -- the pseudonymised patient the panel sees (initials, age, sex, NHS number's last three digits), as JSON
    patient_summary            text        not null,
    submitted_at               timestamptz not null,
    submitted_by_id            text        not null,
    submitted_by_name          text        not null,
    submitting_organisation_id uuid        not null references organisation (id),
    deferred_from              uuid references panel_agenda_item (id),
    status                     text        not null check (status in ('AWAITING_DECISION', 'DECIDED', 'DEFERRED')),
    version                    integer     not null default 0,
    unique (meeting_id, case_id)
);
-- a case waits for at most one decision at a time
create unique index panel_agenda_item_one_awaiting on panel_agenda_item (case_id) where status = 'AWAITING_DECISION';
create index panel_agenda_item_case on panel_agenda_item (case_id);

create table panel_attendance
(
    meeting_id        uuid        not null references panel_meeting (id),
    member_user_id    uuid        not null references app_user (id),
    member_name       text        not null,
    voting            boolean     not null,
    recorded_at       timestamptz not null,
    recorded_by_name  text        not null,
    primary key (meeting_id, member_user_id)
);
call cartpath_make_append_only('panel_attendance', '${appRoleName}');

create table panel_vote
(
    id             uuid primary key,
    agenda_item_id uuid        not null references panel_agenda_item (id),
    member_user_id uuid        not null references app_user (id),
    member_name    text        not null,
    vote           text        not null check (vote in ('APPROVE', 'DECLINE', 'DEFER', 'REQUEST_INFORMATION')),
    comment        text check (length(comment) between 1 and 1000),
    cast_at        timestamptz not null,
    -- one vote per member per case
    unique (agenda_item_id, member_user_id)
);
call cartpath_make_append_only('panel_vote', '${appRoleName}');

create table panel_decision
(
    id                  uuid primary key,
    agenda_item_id      uuid        not null unique references panel_agenda_item (id),
    meeting_id          uuid        not null references panel_meeting (id),
    case_id             uuid        not null references therapy_case (id),
    outcome             text        not null check (outcome in ('APPROVE', 'DECLINE', 'DEFER', 'REQUEST_INFORMATION')),
    treating_centre_id  uuid references organisation (id),
    allocation_basis    text check (allocation_basis in ('GEOGRAPHY', 'CAPACITY', 'PATIENT_PREFERENCE')),
    allocation_reason   text check (length(allocation_reason) between 1 and 1000),
    reason              text check (length(reason) between 1 and 1000),
    -- the votes the decision was taken on, as JSON
    votes               text        not null,
    chair_user_id       uuid        not null references app_user (id),
    chair_name          text        not null,
    decided_at          timestamptz not null,
    signature_id        uuid        not null references electronic_signature (id),
    check ((outcome = 'APPROVE') = (treating_centre_id is not null)),
    check (outcome = 'APPROVE' or reason is not null)
);
call cartpath_make_append_only('panel_decision', '${appRoleName}');
