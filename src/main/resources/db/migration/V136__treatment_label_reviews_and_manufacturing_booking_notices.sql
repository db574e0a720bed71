-- Two reactions through the event publication registry (docs/adr/0022-reactions-through-the-event-publication-registry.md).

-- treatment: a new label version of a product a centre treats with is for its pharmacy to review against its
-- lymphodepletion protocol and pre-infusion checklist; one review per centre and version, however often the
-- publication is handed to the listener.
create table pharmacy_label_review
(
    id               uuid primary key,
    centre_id        uuid        not null references organisation (id),
    label_version_id text        not null,
    product_code     text        not null,
    jurisdiction     text        not null,
    effective_from   date        not null,
    opened_at        timestamptz not null,
    reviewed_by      uuid references app_user (id),
    reviewed_by_name text,
    reviewed_at      timestamptz,
    note             text check (note is null or length(note) <= 500),
    version          integer     not null default 0,
    unique (centre_id, label_version_id),
    check ((reviewed_at is null) = (reviewed_by_name is null))
);
create index pharmacy_label_review_open on pharmacy_label_review (centre_id) where reviewed_at is null;

-- manufacturing: what the booked manufacturer is told about a booking of one of its slots (booked, moved,
-- cancelled); one notice per booking, manufacturer and kind, however often the publication is handed on.
create table manufacturing_booking_notice
(
    id              uuid primary key,
    manufacturer_id uuid        not null references organisation (id),
    booking_id      uuid        not null references slot_booking (id),
    case_id         uuid        not null references therapy_case (id),
    case_reference  text        not null,
    chain_of_identity text,
    kind            text        not null check (kind in ('BOOKED', 'RESCHEDULED', 'MOVED_ELSEWHERE', 'CANCELLED')),
    product_code    text        not null,
    site_name       text        not null,
    window_start    date        not null,
    window_end      date        not null,
    apheresis_date  date,
    noticed_at      timestamptz not null,
    unique (booking_id, manufacturer_id, kind)
);
create index manufacturing_booking_notice_of on manufacturing_booking_notice (manufacturer_id, noticed_at desc);
call cartpath_make_append_only('manufacturing_booking_notice', '${appRoleName}');
