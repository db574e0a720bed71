-- Patients (issue 3, item 1). The patient row holds the current demographics so that the NHS number and
-- local hospital numbers can be unique; every version of the demographics, the first included, is kept
-- in patient_demographics, which is append-only. A patient is never deleted.
create table patient
(
    id                          uuid primary key,
    nhs_number                  text check (nhs_number ~ '^[0-9]{10}$'),
    local_number                text check (local_number ~ '^[A-Za-z0-9][A-Za-z0-9 /-]{0,29}$'),
    local_number_issuer         uuid references organisation (id),
    given_name                  text        not null check (length(given_name) between 1 and 100),
    family_name                 text        not null check (length(family_name) between 1 and 100),
    date_of_birth               date        not null check (date_of_birth >= date '1900-01-01'),
    sex                         text        not null check (sex in ('FEMALE', 'MALE', 'INDETERMINATE', 'NOT_KNOWN')),
    address_line1               text,
    address_line2               text,
    town                        text,
    postcode                    text,
    registered_by_organisation  uuid        not null references organisation (id),
    registered_at               timestamptz not null,
    version                     integer     not null default 0,
    check (nhs_number is not null or local_number is not null),
    check ((local_number is null) = (local_number_issuer is null))
);
-- One patient per NHS number, and per local number of an issuing organisation.
create unique index patient_nhs_number_unique on patient (nhs_number) where nhs_number is not null;
create unique index patient_local_number_unique on patient (local_number_issuer, upper(local_number))
    where local_number is not null;
create index patient_family_name on patient (lower(family_name) text_pattern_ops);
create index patient_given_name on patient (lower(given_name) text_pattern_ops);

revoke delete, truncate on patient from ${appRole};
create trigger patient_no_delete before delete on patient
    for each row execute function cartpath_refuse_change();
create trigger patient_no_truncate before truncate on patient
    for each statement execute function cartpath_refuse_change();

create table patient_demographics
(
    patient_id                  uuid        not null references patient (id),
    version                     integer     not null check (version >= 0),
    nhs_number                  text,
    local_number                text,
    local_number_issuer         uuid references organisation (id),
    given_name                  text        not null,
    family_name                 text        not null,
    date_of_birth               date        not null,
    sex                         text        not null,
    address_line1               text,
    address_line2               text,
    town                        text,
    postcode                    text,
    changed_at                  timestamptz not null,
    changed_by_id               text        not null,
    changed_by_name             text        not null,
    changed_by_organisation     uuid references organisation (id),
    changed_by_organisation_name text,
    reason                      text,
    primary key (patient_id, version)
);
call cartpath_make_append_only('patient_demographics', '${appRoleName}');

-- Which organisations may see a patient, and why: the registering organisation, and each organisation a
-- referral (or a later stage) gives access to. DataVisibility reads these as the record's parties.
create table patient_access
(
    id               bigint generated always as identity primary key,
    patient_id       uuid        not null references patient (id),
    organisation_id  uuid        not null references organisation (id),
    reason           text        not null check (length(trim(reason)) between 1 and 500),
    granted_at       timestamptz not null,
    granted_by_id    text        not null,
    granted_by_name  text        not null,
    unique (patient_id, organisation_id, reason)
);
create index patient_access_by_organisation on patient_access (organisation_id, patient_id);
call cartpath_make_append_only('patient_access', '${appRoleName}');
