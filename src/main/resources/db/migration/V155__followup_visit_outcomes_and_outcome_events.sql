-- Clinic visit outcomes and the patient's outcome events after infusion (docs/clinical/follow-up.md).
--
-- A planned clinic visit is closed once: DONE with whether the patient attended, the date, and the reason when not
-- attended; or CANCELLED when the patient has died (the visits due after the date of death stop being due).

alter table followup_clinic_visit drop constraint followup_clinic_visit_status_check;
alter table followup_clinic_visit
    add constraint followup_clinic_visit_status_check check (status in ('PLANNED', 'DONE', 'CANCELLED')),
    add column attended      boolean,
    add column outcome_on    date,
    add column outcome_note  text,
    add column recorded_by   text,
    add column recorded_at   timestamptz,
    add constraint followup_clinic_visit_outcome_check check (
        (status = 'PLANNED' and recorded_at is null)
        or (status = 'DONE' and attended is not null and outcome_on is not null and recorded_at is not null
            and (attended or outcome_note is not null))
        or (status = 'CANCELLED' and outcome_note is not null and recorded_at is not null));

-- Relapse or progression, vital status (alive at last contact, lost to follow-up, death with its cause) and second
-- primary malignancies: append-only dated entries with their source. A death is recorded once per case.
create table followup_outcome_event
(
    id               uuid primary key,
    case_id          uuid        not null references followup_plan (case_id),
    kind             text        not null check (kind in ('RELAPSE', 'PROGRESSION', 'ALIVE', 'LOST_TO_FOLLOW_UP',
                                                          'DEATH', 'SECOND_MALIGNANCY')),
    occurred_on      date        not null,
    details          jsonb       not null,
    source           text        not null,
    source_document  text,
    recorded_by_id   text        not null,
    recorded_by_name text        not null,
    recorded_at      timestamptz not null
);
create index followup_outcome_event_case on followup_outcome_event (case_id, occurred_on);
create unique index followup_outcome_event_one_death on followup_outcome_event (case_id) where kind = 'DEATH';

call cartpath_make_append_only('followup_outcome_event', '${appRoleName}');
