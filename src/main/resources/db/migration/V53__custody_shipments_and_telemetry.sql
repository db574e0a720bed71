-- Shipments (issue 5 item 5): a shipper with its contents, legs with expected and actual times, and the
-- temperature profile it must stay within.
create table custody_shipment
(
    id                         uuid primary key,
    case_id                    uuid        not null references therapy_case (id),
    shipper_item_id            uuid        not null unique references custody_item (id),
    shipper_id                 text        not null,
    direction                  text        not null check (direction in ('TO_MANUFACTURER', 'TO_CENTRE')),
    origin_organisation_id     uuid        not null references organisation (id),
    destination_organisation_id uuid       not null references organisation (id),
    profile                    text        not null,
    min_celsius                numeric(6, 2),
    max_celsius                numeric(6, 2),
    profile_source             text        not null,
    registered_at              timestamptz not null,
    registered_by_name         text        not null,
    check (min_celsius is not null or max_celsius is not null),
    check (min_celsius is null or max_celsius is null or min_celsius < max_celsius)
);
create index custody_shipment_case on custody_shipment (case_id);
create index custody_shipment_shipper on custody_shipment (shipper_id, registered_at desc);

create table custody_shipment_content
(
    shipment_id uuid not null references custody_shipment (id),
    item_id     uuid not null references custody_item (id),
    primary key (shipment_id, item_id)
);
call cartpath_make_append_only('custody_shipment_content', '${appRoleName}');

create table custody_shipment_leg
(
    shipment_id            uuid        not null references custody_shipment (id),
    sequence               integer     not null check (sequence > 0),
    from_place             text        not null,
    to_place               text        not null,
    courier_organisation_id uuid       not null references organisation (id),
    expected_departure     timestamptz not null,
    expected_arrival       timestamptz not null,
    actual_departure       timestamptz,
    actual_arrival         timestamptz,
    primary key (shipment_id, sequence),
    check (expected_arrival > expected_departure)
);

-- Data-logger readings. The key is the reading itself (shipper, logger, time), so a retried batch adds
-- nothing; readings are never changed or removed. Deliberately no foreign key and no second index: both cost
-- per row on bulk ingest (a foreign-key check is a trigger per row), the shipment id comes from cartpath's own
-- lookup of the shipper, and every query of a shipment's readings names its shipper id, so the key serves them.
create table custody_temperature_reading
(
    shipper_id  text          not null,
    logger_id   text          not null,
    read_at     timestamptz   not null,
    celsius     numeric(6, 2) not null,
    shipment_id uuid          not null,
    batch_id    uuid          not null,
    primary key (shipper_id, logger_id, read_at)
);
call cartpath_make_append_only('custody_temperature_reading', '${appRoleName}');

create table custody_telemetry_batch
(
    id            uuid primary key,
    shipment_id   uuid        not null references custody_shipment (id),
    shipper_id    text        not null,
    format        text        not null check (format in ('CSV', 'JSON')),
    readings      integer     not null,
    stored        integer     not null,
    received_at   timestamptz not null,
    received_by   text        not null,
    organisation_id uuid references organisation (id)
);
call cartpath_make_append_only('custody_telemetry_batch', '${appRoleName}');

-- An excursion: readings of one logger out of the profile's range for longer than the grace period.
-- It lasts from the first reading out of range until the first reading back in range.
create table custody_excursion
(
    id              uuid primary key,
    shipment_id     uuid          not null references custody_shipment (id),
    logger_id       text          not null,
    started_at      timestamptz   not null,
    last_out_at     timestamptz   not null,
    ended_at        timestamptz,
    extreme_celsius numeric(6, 2) not null,
    detected_at     timestamptz   not null,
    version         integer       not null default 0,
    unique (shipment_id, logger_id, started_at)
);

-- Alerts for the coordinator and QA (one per excursion), acknowledged with who and when.
create table custody_alert
(
    id                  uuid primary key,
    case_id             uuid        not null references therapy_case (id),
    shipment_id         uuid        not null references custody_shipment (id),
    excursion_id        uuid        not null unique references custody_excursion (id),
    summary             text        not null,
    raised_at           timestamptz not null,
    coordinator_task_id uuid,
    qa_task_id          uuid,
    acknowledged_at     timestamptz,
    acknowledged_by_id  text,
    acknowledged_by_name text,
    acknowledgement_note text,
    version             integer     not null default 0,
    check ((acknowledged_at is null) = (acknowledged_by_name is null))
);
create index custody_alert_open on custody_alert (case_id) where acknowledged_at is null;
