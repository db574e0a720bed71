-- A treatment centre's 24-hour contact for its CAR-T patients, printed on the patient alert card that every CAR-T
-- label requires the patient to carry (docs/clinical/discharge-documents.md). One row per centre; a change is a new
-- version, audited.
create table followup_centre_contact
(
    centre_id       uuid primary key references organisation (id),
    service_name    text        not null check (length(service_name) between 2 and 200),
    phone           text        not null check (phone ~ '^[0-9+() -]{6,40}$'),
    version         integer     not null,
    updated_at      timestamptz not null,
    updated_by_id   text        not null,
    updated_by_name text        not null
);
