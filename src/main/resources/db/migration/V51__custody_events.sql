-- The chain of custody (issue 5 item 3): an append-only event log per item. Each append names the version it
-- follows; UNIQUE (item_id, version) lets exactly one of two concurrent appends win. The current custodian
-- and location of an item are derived from its events, never stored beside them.
create table custody_event
(
    id                 uuid primary key,
    item_id            uuid        not null references custody_item (id),
    version            integer     not null check (version > 0),
    type               text        not null check (type in ('LABELLED', 'VERIFIED', 'HANDED_OVER', 'SHIPPED',
        'RECEIVED', 'STORED', 'ISSUED', 'THAWED', 'ADMINISTERED', 'DESTROYED', 'RETURNED')),
    occurred_at        timestamptz not null,
    recorded_at        timestamptz not null,
    actor_id           text        not null,
    actor_type         text        not null,
    actor_name         text        not null,
    organisation_id    uuid references organisation (id),
    organisation_name  text,
    organisation_kind  text,
    place              text        not null,
    to_organisation_id   uuid references organisation (id),
    to_organisation_name text,
    to_organisation_kind text,
    shipment_id        uuid,
    shipper_id         text,
    verification_step  text check (verification_step in ('COLLECTION', 'RECEIPT_AT_CENTRE', 'BEDSIDE')),
    signature_ids      uuid[]      not null default '{}',
    note               text,
    unique (item_id, version),
    check (type <> 'HANDED_OVER' or to_organisation_id is not null),
    check (type <> 'VERIFIED' or verification_step is not null)
);
create index custody_event_shipment on custody_event (shipment_id) where shipment_id is not null;
call cartpath_make_append_only('custody_event', '${appRoleName}');
