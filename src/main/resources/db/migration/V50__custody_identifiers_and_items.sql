-- Chain of identity (issue 5 item 1): one COI per case, one DIN per collection, allocated from counters per
-- FIN and year. A COI or DIN once committed is never issued again: the counters only go up and the
-- identifiers are UNIQUE. An allocation that rolls back leaves no trace, so no committed identifier is reused.
create table custody_serial
(
    kind       text    not null check (kind in ('COI', 'DIN')),
    fin        text    not null check (fin ~ '^[A-NP-Z1-9][A-Z0-9]{4}$'),
    year       integer not null check (year between 0 and 99),
    last_value integer not null check (last_value between 1 and 999999),
    primary key (kind, fin, year)
);

create table custody_coi
(
    case_id      uuid primary key references therapy_case (id),
    coi          text        not null unique check (coi ~ '^CH[A-NP-Z1-9][A-Z0-9]{4}[0-9]{2}[A-Z0-9]{6}$'),
    fin          text        not null,
    allocated_at timestamptz not null,
    allocated_by text        not null
);
call cartpath_make_append_only('custody_coi', '${appRoleName}');

-- What is held and handed over: a collection bag (its DIN), a shipper (its shipper id) or a bag of the
-- manufactured product (lot and bag number). What happens to an item is its event log (V51).
create table custody_item
(
    id              uuid primary key,
    case_id         uuid        not null references therapy_case (id),
    coi             text        not null references custody_coi (coi),
    kind            text        not null check (kind in ('COLLECTION_BAG', 'SHIPPER', 'PRODUCT_BAG')),
    din             text unique check (din ~ '^[A-NP-Z1-9][A-Z0-9]{4}[0-9]{8}$'),
    shipper_id      text,
    lot             text,
    bag_number      integer check (bag_number > 0),
    collection_date date,
    created_at      timestamptz not null,
    created_by      text        not null,
    check (kind <> 'COLLECTION_BAG' or (din is not null and collection_date is not null)),
    check (kind <> 'SHIPPER' or shipper_id is not null),
    check (kind <> 'PRODUCT_BAG' or (lot is not null and bag_number is not null)),
    unique (case_id, lot, bag_number)
);
create index custody_item_case on custody_item (case_id);
call cartpath_make_append_only('custody_item', '${appRoleName}');
