-- Observations sent to the FHIR façade in a transaction Bundle (ADR 0030): vital signs and laboratory results of a
-- patient's open case at the sending centre, each kept with the sender's identifier (system and value), unique within
-- the centre, so that a replayed Bundle creates nothing twice. A laboratory result is also filed as a result of the case
-- (interop_lab_result), through the same code table and unit conversion as an HL7 ORU result (ADR 0024), so both
-- interfaces show and use it alike. Never changed.

create table interop_fhir_observation
(
    id                uuid primary key,
    organisation_id   uuid           not null references organisation (id),
    identifier_system text           not null,
    identifier_value  text           not null,
    patient_id        uuid           not null,
    case_id           uuid           not null,
    -- VITAL: a vital sign (kept for the next assessment); LAB: a laboratory result (also in interop_lab_result)
    kind              text           not null check (kind in ('VITAL', 'LAB')),
    -- the LOINC code sent, and what cartpath keeps it as: a vital sign's name or a laboratory measurement
    code              text           not null,
    measurement       text           not null,
    value             numeric(14, 4) not null,
    -- a blood pressure panel's diastolic pressure (its value is the systolic)
    second_value      numeric(14, 4),
    unit              text           not null,
    observed_at       timestamptz    not null,
    sent_value        text           not null,
    sent_unit         text,
    bundle_id         uuid           not null,
    submitted_by      text           not null,
    submitted_by_name text           not null,
    submitted_at      timestamptz    not null,
    unique (organisation_id, identifier_system, identifier_value)
);
create index interop_fhir_observation_patient on interop_fhir_observation (patient_id, observed_at);
call cartpath_make_append_only('interop_fhir_observation', '${appRoleName}');

-- A laboratory result comes from an HL7 message or from a FHIR Observation, exactly one.
alter table interop_lab_result alter column message_id drop not null;
alter table interop_lab_result add column fhir_observation_id uuid references interop_fhir_observation (id);
alter table interop_lab_result add constraint interop_lab_result_one_source
    check (num_nonnulls(message_id, fhir_observation_id) = 1);
