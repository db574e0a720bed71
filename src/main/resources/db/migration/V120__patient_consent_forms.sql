-- The signed consent form, scanned or photographed, attached to the consent entry it records: at most one per entry,
-- stored in the database with its SHA-256 (PDF, PNG or JPEG, told by its content). Append-only like the consent
-- itself: a wrong form is corrected by voiding the consent and recording it again with the right form.
create table patient_consent_form
(
    id                uuid primary key,
    patient_id        uuid        not null references patient (id),
    consent_id        uuid        not null unique references patient_consent (id),
    file_name         text        not null check (length(file_name) between 1 and 200),
    content_type      text        not null check (content_type in ('application/pdf', 'image/png', 'image/jpeg')),
    size_bytes        integer     not null check (size_bytes > 0),
    sha256            text        not null check (sha256 ~ '^[0-9a-f]{64}$'),
    content           bytea       not null,
    uploaded_by_id    text        not null,
    uploaded_by_name  text        not null,
    organisation_id   uuid        not null references organisation (id),
    organisation_name text        not null,
    uploaded_at       timestamptz not null,
    check (octet_length(content) = size_bytes)
);
create index patient_consent_form_patient on patient_consent_form (patient_id);
call cartpath_make_append_only('patient_consent_form', '${appRoleName}');
