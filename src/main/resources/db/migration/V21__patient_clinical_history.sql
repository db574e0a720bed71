-- A patient's clinical history: one append-only table per kind of dated entry, each row saying who
-- recorded it and when. A wrong entry is voided (patient_entry_void), never changed or deleted; a
-- correction is a new entry. Ranges repeat the application's rules (rules.ClinicalEntryRules) as a
-- last line of defence.
create table patient_measurement
(
    id                            uuid primary key,
    patient_id                    uuid          not null references patient (id),
    measured_on                   date          not null,
    weight_kg                     numeric(6, 3) check (weight_kg > 0 and weight_kg <= 350),
    height_cm                     numeric(4, 1) check (height_cm between 30 and 250),
    recorded_at                   timestamptz   not null,
    recorded_by_id                text          not null,
    recorded_by_name              text          not null,
    recorded_by_organisation      uuid          not null references organisation (id),
    recorded_by_organisation_name text          not null,
    check (weight_kg is not null or height_cm is not null)
);

create table patient_diagnosis
(
    id                            uuid primary key,
    patient_id                    uuid        not null references patient (id),
    code                          text        not null check (code in ('B_ALL', 'LBCL', 'DLBCL', 'PMBCL', 'MCL', 'FL',
                                                                        'MULTIPLE_MYELOMA', 'OTHER')),
    description                   text,
    diagnosed_on                  date        not null,
    recorded_at                   timestamptz not null,
    recorded_by_id                text        not null,
    recorded_by_name              text        not null,
    recorded_by_organisation      uuid        not null references organisation (id),
    recorded_by_organisation_name text        not null,
    check (code <> 'OTHER' or description is not null)
);

create table patient_disease_status
(
    id                                   uuid primary key,
    patient_id                           uuid        not null references patient (id),
    assessed_on                          date        not null,
    refractory                           boolean     not null,
    relapse_number                       integer     not null check (relapse_number between 0 and 20),
    relapse_after_transplant             boolean     not null,
    relapsed_on                          date,
    months_from_first_line_end_to_relapse integer check (months_from_first_line_end_to_relapse between 0 and 600),
    recorded_at                          timestamptz not null,
    recorded_by_id                       text        not null,
    recorded_by_name                     text        not null,
    recorded_by_organisation             uuid        not null references organisation (id),
    recorded_by_organisation_name        text        not null
);

create table patient_therapy_line
(
    id                            uuid primary key,
    patient_id                    uuid        not null references patient (id),
    line_number                   integer     not null check (line_number between 1 and 20),
    regimen                       text        not null check (length(regimen) between 1 and 200),
    started_on                    date        not null,
    ended_on                      date check (ended_on >= started_on),
    best_response                 text check (best_response in ('COMPLETE_RESPONSE', 'COMPLETE_RESPONSE_INCOMPLETE_RECOVERY',
                                                                'VERY_GOOD_PARTIAL_RESPONSE', 'PARTIAL_RESPONSE',
                                                                'MINIMAL_RESPONSE', 'STABLE_DISEASE',
                                                                'PROGRESSIVE_DISEASE', 'NOT_EVALUABLE')),
    tags                          text[]      not null default '{}' check (tags <@ array ['ANTI_CD20', 'ANTHRACYCLINE',
        'BTK_INHIBITOR', 'PROTEASOME_INHIBITOR', 'IMMUNOMODULATORY_DRUG', 'ANTI_CD38', 'CD19_DIRECTED', 'BCMA_DIRECTED']),
    recorded_at                   timestamptz not null,
    recorded_by_id                text        not null,
    recorded_by_name              text        not null,
    recorded_by_organisation      uuid        not null references organisation (id),
    recorded_by_organisation_name text        not null
);

create table patient_transplant
(
    id                            uuid primary key,
    patient_id                    uuid        not null references patient (id),
    type                          text        not null check (type in ('ALLOGENEIC', 'AUTOLOGOUS')),
    transplanted_on               date        not null,
    recorded_at                   timestamptz not null,
    recorded_by_id                text        not null,
    recorded_by_name              text        not null,
    recorded_by_organisation      uuid        not null references organisation (id),
    recorded_by_organisation_name text        not null
);

create table patient_antigen_status
(
    id                            uuid primary key,
    patient_id                    uuid        not null references patient (id),
    antigen                       text        not null check (antigen in ('CD19', 'BCMA')),
    result                        text        not null check (result in ('POSITIVE', 'NEGATIVE', 'UNKNOWN')),
    tested_on                     date        not null,
    method                        text,
    recorded_at                   timestamptz not null,
    recorded_by_id                text        not null,
    recorded_by_name              text        not null,
    recorded_by_organisation      uuid        not null references organisation (id),
    recorded_by_organisation_name text        not null
);

create table patient_cns_status
(
    id                            uuid primary key,
    patient_id                    uuid        not null references patient (id),
    status                        text        not null check (status in ('CNS1', 'CNS2', 'CNS3')),
    assessed_on                   date        not null,
    recorded_at                   timestamptz not null,
    recorded_by_id                text        not null,
    recorded_by_name              text        not null,
    recorded_by_organisation      uuid        not null references organisation (id),
    recorded_by_organisation_name text        not null
);

create table patient_performance_status
(
    id                            uuid primary key,
    patient_id                    uuid        not null references patient (id),
    scale                         text        not null check (scale in ('LANSKY', 'KARNOFSKY', 'ECOG')),
    score                         integer     not null check (score between 0 and 100),
    assessed_on                   date        not null,
    recorded_at                   timestamptz not null,
    recorded_by_id                text        not null,
    recorded_by_name              text        not null,
    recorded_by_organisation      uuid        not null references organisation (id),
    recorded_by_organisation_name text        not null,
    check (scale <> 'ECOG' or score <= 5),
    check (scale = 'ECOG' or score % 10 = 0)
);

create table patient_organ_function
(
    id                            uuid primary key,
    patient_id                    uuid          not null references patient (id),
    tested_on                     date          not null,
    creatinine_umol_per_l         numeric(5, 1) check (creatinine_umol_per_l between 5 and 3000),
    bilirubin_umol_per_l          numeric(5, 1) check (bilirubin_umol_per_l between 0 and 1000),
    alt_units_per_l               numeric(6, 1) check (alt_units_per_l between 0 and 10000),
    lvef_percent                  numeric(4, 1) check (lvef_percent between 5 and 95),
    spo2_percent                  numeric(4, 1) check (spo2_percent between 50 and 100),
    recorded_at                   timestamptz   not null,
    recorded_by_id                text          not null,
    recorded_by_name              text          not null,
    recorded_by_organisation      uuid          not null references organisation (id),
    recorded_by_organisation_name text          not null,
    check (coalesce(creatinine_umol_per_l, bilirubin_umol_per_l, alt_units_per_l, lvef_percent, spo2_percent) is not null)
);

create table patient_consent
(
    id                            uuid primary key,
    patient_id                    uuid        not null references patient (id),
    type                          text        not null check (type in ('TREATMENT', 'APHERESIS', 'REGISTRY',
                                                                        'LONG_TERM_FOLLOW_UP', 'RESEARCH')),
    decision                      text        not null check (decision in ('GIVEN', 'WITHDRAWN')),
    decided_on                    date        not null,
    note                          text,
    recorded_at                   timestamptz not null,
    recorded_by_id                text        not null,
    recorded_by_name              text        not null,
    recorded_by_organisation      uuid        not null references organisation (id),
    recorded_by_organisation_name text        not null
);

-- Every entry of every kind, to find an entry by id alone (voiding) without knowing its kind.
create view patient_clinical_entry as
select id, patient_id, 'MEASUREMENT' as kind, recorded_by_organisation from patient_measurement
union all select id, patient_id, 'DIAGNOSIS', recorded_by_organisation from patient_diagnosis
union all select id, patient_id, 'DISEASE_STATUS', recorded_by_organisation from patient_disease_status
union all select id, patient_id, 'THERAPY_LINE', recorded_by_organisation from patient_therapy_line
union all select id, patient_id, 'TRANSPLANT', recorded_by_organisation from patient_transplant
union all select id, patient_id, 'ANTIGEN_STATUS', recorded_by_organisation from patient_antigen_status
union all select id, patient_id, 'CNS_STATUS', recorded_by_organisation from patient_cns_status
union all select id, patient_id, 'PERFORMANCE_STATUS', recorded_by_organisation from patient_performance_status
union all select id, patient_id, 'ORGAN_FUNCTION', recorded_by_organisation from patient_organ_function
union all select id, patient_id, 'CONSENT', recorded_by_organisation from patient_consent;

-- An entry is voided at most once (the primary key), with a reason; voiding is itself append-only.
create table patient_entry_void
(
    entry_id                    uuid primary key,
    patient_id                  uuid        not null references patient (id),
    kind                        text        not null,
    reason                      text        not null check (length(trim(reason)) between 1 and 500),
    voided_at                   timestamptz not null,
    voided_by_id                text        not null,
    voided_by_name              text        not null,
    voided_by_organisation      uuid        not null references organisation (id),
    voided_by_organisation_name text        not null
);
create index patient_entry_void_patient on patient_entry_void (patient_id);

create index patient_measurement_patient on patient_measurement (patient_id);
create index patient_diagnosis_patient on patient_diagnosis (patient_id);
create index patient_disease_status_patient on patient_disease_status (patient_id);
create index patient_therapy_line_patient on patient_therapy_line (patient_id);
create index patient_transplant_patient on patient_transplant (patient_id);
create index patient_antigen_status_patient on patient_antigen_status (patient_id);
create index patient_cns_status_patient on patient_cns_status (patient_id);
create index patient_performance_status_patient on patient_performance_status (patient_id);
create index patient_organ_function_patient on patient_organ_function (patient_id);
create index patient_consent_patient on patient_consent (patient_id);

call cartpath_make_append_only('patient_measurement', '${appRoleName}');
call cartpath_make_append_only('patient_diagnosis', '${appRoleName}');
call cartpath_make_append_only('patient_disease_status', '${appRoleName}');
call cartpath_make_append_only('patient_therapy_line', '${appRoleName}');
call cartpath_make_append_only('patient_transplant', '${appRoleName}');
call cartpath_make_append_only('patient_antigen_status', '${appRoleName}');
call cartpath_make_append_only('patient_cns_status', '${appRoleName}');
call cartpath_make_append_only('patient_performance_status', '${appRoleName}');
call cartpath_make_append_only('patient_organ_function', '${appRoleName}');
call cartpath_make_append_only('patient_consent', '${appRoleName}');
call cartpath_make_append_only('patient_entry_void', '${appRoleName}');
