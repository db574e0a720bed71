-- Labels printed (issue 5 item 2): what was printed, by whom, and whether it was a reprint (with its reason).
-- Only a wristband carries the patient's identity, as keyed and checked by the person printing it; this table
-- is read only for the treating centre, never for manufacturers or couriers.
create table custody_label_print
(
    id                    uuid primary key,
    case_id               uuid        not null references therapy_case (id),
    item_id               uuid        not null references custody_item (id),
    kind                  text        not null check (kind in ('COLLECTION_BAG', 'SHIPPER', 'PATIENT_WRISTBAND')),
    coi                   text        not null,
    din                   text,
    product_name          text        not null,
    collection_date       date        not null,
    patient_name          text,
    patient_nhs_number    text,
    patient_date_of_birth date,
    reprint               boolean     not null,
    reason                text,
    printed_at            timestamptz not null,
    printed_by_id         text        not null,
    printed_by_name       text        not null,
    organisation_id       uuid        not null references organisation (id),
    check (not reprint or reason is not null),
    check ((kind = 'PATIENT_WRISTBAND') = (patient_name is not null))
);
-- the first print of a label is the original; every later one is a reprint (two "first" prints cannot race)
create unique index custody_label_print_original on custody_label_print (item_id, kind) where not reprint;
call cartpath_make_append_only('custody_label_print', '${appRoleName}');

-- Two-person verifications (issue 5 item 3) at collection, at receipt back at the centre and at the bedside:
-- two different people, each scanning and each signing. The database refuses the same person twice.
create table custody_verification
(
    id                  uuid primary key,
    case_id             uuid        not null references therapy_case (id),
    item_id             uuid        not null references custody_item (id),
    step                text        not null check (step in ('COLLECTION', 'RECEIPT_AT_CENTRE', 'BEDSIDE')),
    status              text        not null check (status in ('OPEN', 'COMPLETED')),
    place               text        not null,
    opened_at           timestamptz not null,
    opened_by_name      text        not null,
    first_user_id       uuid references app_user (id),
    first_signature_id  uuid,
    second_user_id      uuid references app_user (id),
    second_signature_id uuid,
    completed_at        timestamptz,
    version             integer     not null default 0,
    check (first_user_id is distinct from second_user_id or first_user_id is null),
    check (status <> 'COMPLETED' or (first_signature_id is not null and second_signature_id is not null))
);
create index custody_verification_case on custody_verification (case_id);
-- one open check per item and step at a time
create unique index custody_verification_one_open on custody_verification (item_id, step) where status = 'OPEN';

-- Every scan, matched or not (issue 5 item 4). A mismatch keeps both identities: what was expected and what
-- was scanned (and, if known, the case the scanned identifier belongs to). A mismatch is a hard stop until QA
-- overrides it.
create table custody_scan
(
    id                uuid primary key,
    case_id           uuid        not null references therapy_case (id),
    verification_id   uuid references custody_verification (id),
    purpose           text        not null,
    prompt            text        not null,
    expected          text        not null,
    scanned           text        not null,
    outcome           text        not null check (outcome in ('MATCH', 'MISMATCH', 'WRONG_SYMBOL', 'UNREADABLE')),
    scanned_case_id   uuid references therapy_case (id),
    detail            text,
    actor_id          text        not null,
    actor_name        text        not null,
    organisation_id   uuid references organisation (id),
    organisation_name text,
    scanned_at        timestamptz not null
);
create index custody_scan_case on custody_scan (case_id, scanned_at);
create index custody_scan_verification on custody_scan (verification_id) where verification_id is not null;
call cartpath_make_append_only('custody_scan', '${appRoleName}');

-- A QA override of a hard stop: QA signs with a reason, a second person co-signs; only then is the stop
-- lifted. The case keeps the flag for ever.
create table custody_override
(
    id                  uuid primary key,
    scan_id             uuid        not null unique references custody_scan (id),
    case_id             uuid        not null references therapy_case (id),
    reason              text        not null,
    qa_user_id          uuid        not null references app_user (id),
    qa_name             text        not null,
    qa_signature_id     uuid        not null,
    requested_at        timestamptz not null,
    second_user_id      uuid references app_user (id),
    second_name         text,
    second_signature_id uuid,
    effective_at        timestamptz,
    version             integer     not null default 0,
    check (second_user_id is null or second_user_id <> qa_user_id),
    check ((effective_at is null) = (second_signature_id is null))
);
create index custody_override_case on custody_override (case_id);
