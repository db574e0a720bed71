-- Toxicity monitoring after infusion (issue 6 items 3 and 4): the day-0 anchor of each case, weights,
-- CRS/ICANS assessments with their raw inputs and grades, and the episodes derived from them.

-- Day 0 of a case. Set once when monitoring starts (by the treatment module when it records the infusion;
-- by a person until then), never changed. Age and developmental delay decide ICE or CAPD; they belong to
-- the patient module and are copied here until it exists.
create table monitoring_anchor
(
    case_id             uuid primary key references therapy_case (id),
    case_reference      text        not null,
    treating_centre_id  uuid        not null references organisation (id),
    infused_at          timestamptz not null,
    day_zero            date        not null,
    age_years           integer     not null check (age_years between 0 and 120),
    developmental_delay boolean     not null,
    label_version_id    text        not null,
    started_by          text        not null,
    started_by_name     text        not null,
    started_at          timestamptz not null
);
create index monitoring_anchor_centre on monitoring_anchor (treating_centre_id, day_zero);
call cartpath_make_append_only('monitoring_anchor', '${appRoleName}');

-- Weights with the day they were measured; the latest measured is the one doses use.
create table monitoring_weight
(
    id          uuid primary key,
    case_id     uuid          not null references monitoring_anchor (case_id),
    weight_kg   numeric(6, 2) not null check (weight_kg between 0.5 and 350),
    measured_on date          not null,
    recorded_by text          not null,
    recorded_by_name text     not null,
    recorded_at timestamptz   not null
);
create index monitoring_weight_case on monitoring_weight (case_id, measured_on, recorded_at);
call cartpath_make_append_only('monitoring_weight', '${appRoleName}');

-- One row per version of an assessment. A correction is a new row of the same series with the next
-- version, the id it corrects and a reason; the current assessment of a series is its highest version.
create table monitoring_assessment
(
    id                 uuid primary key,
    series_id          uuid          not null,
    version            integer       not null check (version >= 1),
    corrects_id        uuid references monitoring_assessment (id),
    correction_reason  text,
    case_id            uuid          not null references monitoring_anchor (case_id),
    assessed_at        timestamptz   not null,
    day_number         integer       not null,
    inputs             jsonb         not null,
    temperature_celsius numeric(4, 1) not null,
    crs_grade          integer       not null check (crs_grade between 0 and 5),
    crs_drivers        text          not null,
    crs_explanation    text          not null,
    icans_grade        integer       not null check (icans_grade between 0 and 4),
    icans_tool         text          not null check (icans_tool in ('ICE', 'CAPD')),
    icans_score        integer,
    icans_drivers      text          not null,
    icans_explanation  text          not null,
    grader_version     text          not null,
    recorded_by        text          not null,
    recorded_by_name   text          not null,
    recorded_at        timestamptz   not null,
    unique (series_id, version),
    check ((version = 1) = (corrects_id is null)),
    check ((version = 1) = (correction_reason is null))
);
create index monitoring_assessment_case on monitoring_assessment (case_id, assessed_at);
call cartpath_make_append_only('monitoring_assessment', '${appRoleName}');

-- CRS and ICANS episodes derived from the current assessments. Derived data, not a record: rewritten for a
-- case in the transaction of every assessment or correction, so reports can query it.
create table monitoring_episode
(
    case_id        uuid        not null references monitoring_anchor (case_id),
    kind           text        not null check (kind in ('CRS', 'ICANS')),
    sequence       integer     not null,
    onset_at       timestamptz not null,
    onset_day      integer     not null,
    highest_grade  integer     not null,
    highest_at     timestamptz not null,
    resolved_at    timestamptz,
    resolved_day   integer,
    primary key (case_id, kind, sequence)
);
