-- Lymphodepletion (issue 7 item 4): plans as calculated, the pharmacist's signed verification, each day's
-- administration, and the flag raised once when the infusion window closes. All append-only: a new plan is a new
-- version of the case's plan; the highest version is current. No foreign key points to an append-only table
-- (ADR 15): checking one would need a privilege a one-role installation revokes from itself.
create table lymphodepletion_plan
(
    id                  uuid primary key,
    case_id             uuid        not null references therapy_case (id),
    version             integer     not null check (version >= 1),
    label_version_id    text        not null,
    regimen_id          text        not null,
    day_reference       text        not null check (day_reference in ('INFUSION', 'LYMPHODEPLETION_START')),
    anchor_on           date        not null,
    planned_infusion_on date        not null,
    first_day           date        not null,
    last_day            date        not null,
    earliest_infusion   date        not null,
    latest_infusion     date        not null,
    plan                jsonb       not null,
    inputs              jsonb       not null,
    warnings            jsonb       not null,
    reason              text,
    planned_by          text        not null,
    planned_by_name     text        not null,
    planned_at          timestamptz not null,
    unique (case_id, version),
    check (last_day >= first_day and latest_infusion >= earliest_infusion)
);
call cartpath_make_append_only('lymphodepletion_plan', '${appRoleName}');

create table lymphodepletion_verification
(
    plan_id          uuid primary key,
    case_id          uuid        not null references therapy_case (id),
    signature_id     uuid        not null,
    verified_by      uuid        not null references app_user (id),
    verified_by_name text        not null,
    verified_at      timestamptz not null
);
call cartpath_make_append_only('lymphodepletion_verification', '${appRoleName}');

create table lymphodepletion_administration
(
    id               uuid primary key,
    plan_id          uuid        not null,
    case_id          uuid        not null references therapy_case (id),
    planned_on       date        not null,
    drug             text        not null check (drug in ('FLUDARABINE', 'CYCLOPHOSPHAMIDE', 'BENDAMUSTINE')),
    status           text        not null check (status in ('GIVEN', 'HELD', 'MODIFIED')),
    planned_mg       numeric     not null check (planned_mg > 0),
    given_mg         numeric check (given_mg > 0),
    given_at         timestamptz,
    reason           text,
    recorded_by      text        not null,
    recorded_by_name text        not null,
    recorded_at      timestamptz not null,
    unique (plan_id, planned_on, drug),
    check ((status = 'HELD') = (given_mg is null) and (status = 'HELD') = (given_at is null)),
    check (status = 'GIVEN' or reason is not null),
    check (status <> 'MODIFIED' or given_mg < planned_mg)
);
create index lymphodepletion_administration_case on lymphodepletion_administration (case_id);
call cartpath_make_append_only('lymphodepletion_administration', '${appRoleName}');

create table lymphodepletion_window_flag
(
    plan_id          uuid        not null,
    case_id          uuid        not null references therapy_case (id),
    kind             text        not null check (kind in ('REPEAT_LYMPHODEPLETION_NEEDED')),
    window_closed_on date        not null,
    flagged_at       timestamptz not null,
    primary key (plan_id, kind)
);
call cartpath_make_append_only('lymphodepletion_window_flag', '${appRoleName}');
