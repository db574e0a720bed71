-- HL7 v2 inbound interface (ADR 0024): every message received over MLLP, stored raw with its
-- control id (MSH-10) and the first answer given to it, so a replay is answered the same and filed once; the table
-- that maps a laboratory's local test codes to cartpath's measurements, with the units each may arrive in; and the
-- results filed from messages, each with the message it came from.

create table interop_hl7_message
(
    id                   uuid primary key,
    received_at          timestamptz not null,
    sending_application  text,
    sending_facility     text,
    receiving_facility   text,
    control_id           text,
    message_type         text,
    hl7_version          text,
    raw                  text        not null,
    -- the treatment centre the message was addressed to (MSH-6 is its ODS code); null when it names none
    organisation_id      uuid references organisation (id),
    -- the first answer: AA accepted, AE application error (the message waits in the work queue), AR refused
    ack_code             text        not null check (ack_code in ('AA', 'AE', 'AR')),
    error_code           integer,
    reason               text,
    -- FILED: results filed; QUEUED: waits for a coordinator; MATCHED: filed after a coordinator matched it;
    -- DISMISSED: rejected by a coordinator; REFUSED: refused at the door (malformed); REPLAY: a copy of an earlier one
    status               text        not null check (status in ('FILED', 'QUEUED', 'MATCHED', 'DISMISSED', 'REFUSED', 'REPLAY')),
    replay_of            uuid references interop_hl7_message (id),
    nhs_number           text,
    patient_id           uuid,
    case_id              uuid,
    resolved_by          text,
    resolved_by_name     text,
    resolved_at          timestamptz,
    resolution_reason    text,
    version              integer     not null default 0,
    check ((status = 'REPLAY') = (replay_of is not null))
);
-- one original per sender and control id: the unique index is what makes a simultaneous replay file nothing twice
create unique index interop_hl7_message_control on interop_hl7_message
    (coalesce(sending_facility, ''), coalesce(sending_application, ''), control_id)
    where control_id is not null and status not in ('REFUSED', 'REPLAY');
create index interop_hl7_message_queue on interop_hl7_message (organisation_id, status, received_at);

-- The raw message and what it said are never changed: the application may update only the work-queue columns.
revoke update on interop_hl7_message from ${appRoleName};
grant update (status, patient_id, case_id, resolved_by, resolved_by_name, resolved_at, resolution_reason, version)
    on interop_hl7_message to ${appRoleName};
revoke delete, truncate on interop_hl7_message from ${appRoleName};

-- The laboratory's local test codes (OBX-3 identifier; LOINC codes too) and the measurement each one is.
create table interop_lab_code
(
    local_code   text primary key,
    measurement  text not null check (measurement in ('ANC', 'PLATELETS', 'HAEMOGLOBIN', 'CRP', 'FERRITIN',
                                                      'CREATININE', 'IGG', 'CD19_B_CELLS')),
    description  text not null
);

-- The units a measurement may arrive in (lower case, without spaces, micro as u) and the factor that converts a
-- value in that unit to cartpath's unit of the measurement. A unit not listed is not converted: the message waits.
create table interop_lab_unit
(
    measurement  text    not null,
    unit         text    not null,
    factor       numeric not null check (factor > 0),
    primary key (measurement, unit)
);

insert into interop_lab_code (local_code, measurement, description) values
    ('NEUT', 'ANC', 'Neutrophils (absolute)'),
    ('751-8', 'ANC', 'LOINC Neutrophils [#/volume] in Blood by Automated count'),
    ('PLT', 'PLATELETS', 'Platelets'),
    ('777-3', 'PLATELETS', 'LOINC Platelets [#/volume] in Blood by Automated count'),
    ('HB', 'HAEMOGLOBIN', 'Haemoglobin'),
    ('718-7', 'HAEMOGLOBIN', 'LOINC Hemoglobin [Mass/volume] in Blood'),
    ('CRP', 'CRP', 'C-reactive protein'),
    ('1988-5', 'CRP', 'LOINC C reactive protein [Mass/volume] in Serum or Plasma'),
    ('FERR', 'FERRITIN', 'Ferritin'),
    ('2276-4', 'FERRITIN', 'LOINC Ferritin [Mass/volume] in Serum or Plasma'),
    ('CREA', 'CREATININE', 'Creatinine'),
    ('14682-9', 'CREATININE', 'LOINC Creatinine [Moles/volume] in Serum or Plasma'),
    ('2160-0', 'CREATININE', 'LOINC Creatinine [Mass/volume] in Serum or Plasma'),
    ('IGG', 'IGG', 'Immunoglobulin G'),
    ('2465-3', 'IGG', 'LOINC IgG [Mass/volume] in Serum or Plasma'),
    ('CD19', 'CD19_B_CELLS', 'CD19+ B cells (absolute)');

-- Conversions: SI units as UK laboratories report them (Royal College of Pathologists / Pathology Harmony); the
-- factors from the molar mass of creatinine (113.12 g/mol: 1 mg/dL = 88.4 umol/L) and the definitions of the units.
insert into interop_lab_unit (measurement, unit, factor) values
    ('ANC', '10*9/l', 1), ('ANC', '10^9/l', 1), ('ANC', 'x10^9/l', 1), ('ANC', 'x10*9/l', 1), ('ANC', '10*3/ul', 1),
    ('ANC', 'k/ul', 1),
    ('PLATELETS', '10*9/l', 1), ('PLATELETS', '10^9/l', 1), ('PLATELETS', 'x10^9/l', 1), ('PLATELETS', 'x10*9/l', 1),
    ('PLATELETS', '10*3/ul', 1), ('PLATELETS', 'k/ul', 1),
    ('HAEMOGLOBIN', 'g/l', 1), ('HAEMOGLOBIN', 'g/dl', 10),
    ('CRP', 'mg/l', 1), ('CRP', 'mg/dl', 10),
    ('FERRITIN', 'ug/l', 1), ('FERRITIN', 'ng/ml', 1),
    ('CREATININE', 'umol/l', 1), ('CREATININE', 'mg/dl', 88.4),
    ('IGG', 'g/l', 1), ('IGG', 'mg/dl', 0.01),
    ('CD19_B_CELLS', 'cells/ul', 1), ('CD19_B_CELLS', '/ul', 1), ('CD19_B_CELLS', '10*6/l', 1);

-- A result filed from a message: the value in cartpath's unit, and what the laboratory sent. Never changed.
create table interop_lab_result
(
    id               uuid primary key,
    message_id       uuid          not null references interop_hl7_message (id),
    organisation_id  uuid          not null references organisation (id),
    patient_id       uuid          not null,
    case_id          uuid          not null,
    measurement      text          not null,
    value            numeric(14, 4) not null,
    unit             text          not null,
    observed_at      timestamptz   not null,
    local_code       text          not null,
    local_value      text          not null,
    local_unit       text,
    filed_by         text          not null,
    filed_by_name    text          not null,
    filed_at         timestamptz   not null
);
create index interop_lab_result_case on interop_lab_result (case_id, measurement, observed_at);
call cartpath_make_append_only('interop_lab_result', '${appRoleName}');
