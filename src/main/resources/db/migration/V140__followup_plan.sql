-- Follow-up after infusion: each infused case's registry track, its registry time points and
-- its clinic visits (docs/clinical/follow-up-schedule.md). The plan is made when the infusion is recorded; the
-- treating centre may change the track with a reason (time points still planned are recomputed, completed ones
-- kept). The reminder task columns make the reminder job idempotent: a task is opened and its id stored in the same
-- transaction, so a second run, or a run after a crash, opens nothing twice and skips nothing.

create table followup_plan
(
    case_id          uuid primary key references therapy_case (id),
    day_zero         date        not null,
    product_code     text,
    track            text        not null check (track in ('CIBMTR_15_YEAR', 'CIBMTR_STANDARD',
                                                           'CIBMTR_100_DAY_ONLY', 'EBMT')),
    track_basis      text        not null,
    clinic_basis     text        not null,
    created_at       timestamptz not null,
    track_changed_at timestamptz,
    version          integer     not null default 0
);

create table followup_registry_timepoint
(
    case_id         uuid        not null references followup_plan (case_id),
    name            text        not null check (name ~ '^(DAY_100|MONTH_6|YEAR_([1-9]|1[0-5]))$'),
    track           text        not null,
    due_date        date        not null,
    window_start    date,
    window_end      date,
    status          text        not null check (status in ('PLANNED', 'COMPLETED')),
    completed_at    timestamptz,
    completed_by    text,
    window_task_id  uuid,
    overdue_task_id uuid,
    primary key (case_id, name),
    check ((window_start is null) = (window_end is null)),
    check (window_start is null or (window_start <= due_date and due_date <= window_end)),
    check ((status = 'COMPLETED') = (completed_at is not null))
);
create index followup_registry_timepoint_due on followup_registry_timepoint (due_date) where status = 'PLANNED';

create table followup_clinic_visit
(
    case_id         uuid not null references followup_plan (case_id),
    visit_key       text not null check (visit_key ~ '^(DAY|YEAR)_[0-9]{1,3}$'),
    label           text not null,
    due_date        date not null,
    status          text not null check (status in ('PLANNED', 'DONE')),
    overdue_task_id uuid,
    primary key (case_id, visit_key)
);
create index followup_clinic_visit_due on followup_clinic_visit (due_date) where status = 'PLANNED';

-- A centre's own clinic schedule for a product, as data; without one the catalogue's default applies
-- (catalogue/parameters/follow-up.yaml).
create table followup_clinic_schedule
(
    centre_id      uuid    not null references organisation (id),
    product_code   text    not null,
    days           integer[] not null check (cardinality(days) > 0),
    yearly_to_year integer not null check (yearly_to_year between 0 and 15),
    basis          text    not null,
    primary key (centre_id, product_code)
);
