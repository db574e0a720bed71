-- The infusion (issue 7 item 6), one per case, with everything it was recorded against: the lot, the bedside
-- check and its two people, the lymphodepletion plan, the checklist as it stood, the dose per kg and the signature.
-- Day 0 is also the follow-up schedule's anchor, kept on its own for the follow-up module to come.
create table infusion
(
    id                      uuid primary key,
    case_id                 uuid        not null unique references therapy_case (id),
    lot_id                  uuid        not null,
    lot_number              text        not null,
    started_at              timestamptz not null,
    ended_at                timestamptz not null,
    day_zero                date        not null,
    bags_used               integer     not null check (bags_used between 1 and 20),
    bags_in_lot             integer     not null check (bags_in_lot >= bags_used),
    dose_cells              numeric     not null check (dose_cells > 0),
    dose_cells_per_kg       numeric     not null check (dose_cells_per_kg > 0),
    weight_kg               numeric     not null check (weight_kg > 0),
    weighed_on              date        not null,
    dose_range              text,
    age_years               integer     not null check (age_years between 0 and 120),
    developmental_delay     boolean     not null,
    reactions               text,
    bedside_verification_id uuid        not null,
    first_checker_name      text        not null,
    second_checker_name     text        not null,
    lymphodepletion_plan_id uuid        not null,
    checklist               jsonb       not null,
    flags                   jsonb       not null,
    signature_id            uuid        not null,
    recorded_by             uuid        not null references app_user (id),
    recorded_by_name        text        not null,
    recorded_at             timestamptz not null,
    check (ended_at > started_at)
);
call cartpath_make_append_only('infusion', '${appRoleName}');

create table follow_up_anchor
(
    case_id     uuid primary key references therapy_case (id),
    infusion_id uuid        not null,
    infused_at  timestamptz not null,
    day_zero    date        not null,
    created_at  timestamptz not null
);
call cartpath_make_append_only('follow_up_anchor', '${appRoleName}');
