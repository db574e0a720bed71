-- Capacity (issue 4 item 1): manufacturing slots per manufacturer, site, product and week, and apheresis
-- chairs per treatment centre and day.

-- A manufacturer's site, known by the code the manufacturer gives it in its publications.
create table manufacturing_site
(
    id              uuid primary key,
    manufacturer_id uuid        not null references organisation (id),
    code            text        not null check (code ~ '^[A-Z0-9][A-Z0-9-]{1,39}$'),
    name            text        not null check (length(name) between 2 and 200),
    created_at      timestamptz not null,
    unique (manufacturer_id, code)
);

-- Every publication of one site's capacity for one product and ISO week, as sent (canonical JSON), with
-- who sent it: the manufacturer itself (PUBLISHED) or a centre's coordinator copying it from the
-- manufacturer's portal (MIRRORED). A republication adds a version; the latest is in force.
create table capacity_publication
(
    id                         uuid primary key,
    site_id                    uuid        not null references manufacturing_site (id),
    product_code               text        not null check (product_code ~ '^[A-Z][A-Z0-9_]*$'),
    week_start                 date        not null check (extract(isodow from week_start) = 1),
    version                    integer     not null check (version > 0),
    source                     text        not null check (source in ('PUBLISHED', 'MIRRORED')),
    content                    jsonb       not null,
    content_digest             text        not null check (content_digest ~ '^[0-9a-f]{64}$'),
    entered_by                 text        not null,
    entered_by_name            text        not null,
    entered_by_organisation_id uuid references organisation (id),
    published_at               timestamptz not null,
    unique (site_id, product_code, week_start, version)
);
call cartpath_make_append_only('capacity_publication', '${appRoleName}');

-- Days a site neither receives nor ships (a holiday): capacity exceptions with no slots. Current state of
-- the latest publications; their history is in capacity_publication.
create table site_closed_day
(
    site_id      uuid not null references manufacturing_site (id),
    product_code text not null,
    day          date not null,
    reason       text not null,
    primary key (site_id, product_code, day)
);
create index site_closed_day_by_day on site_closed_day (site_id, day);

-- One row per manufacturing slot: cells for one case, received at the site from window_start to
-- window_end (one day for daily capacity, the week's working days for weekly capacity). At most one
-- booking holds a slot (booking_id unique); lowering capacity withdraws free slots, never booked ones.
create table manufacturing_slot
(
    id              uuid primary key,
    site_id         uuid        not null references manufacturing_site (id),
    manufacturer_id uuid        not null references organisation (id),
    product_code    text        not null,
    week_start      date        not null,
    window_start    date        not null,
    window_end      date        not null,
    ordinal         integer     not null check (ordinal > 0),
    -- the publication that last set it; no foreign key: a key check locks the referenced row (FOR KEY SHARE),
    -- which an append-only table refuses where one role owns and runs cartpath (ADR 2)
    publication_id  uuid        not null,
    withdrawn_at    timestamptz,
    booking_id      uuid unique,
    version         integer     not null default 0,
    check (window_end >= window_start),
    check (withdrawn_at is null or booking_id is null),
    unique (site_id, product_code, window_start, window_end, ordinal)
);
create index manufacturing_slot_product on manufacturing_slot (product_code, window_end);
create index manufacturing_slot_week on manufacturing_slot (site_id, product_code, week_start);
create index manufacturing_slot_manufacturer on manufacturing_slot (manufacturer_id, window_start);

-- A centre's apheresis unit: chairs a day and the weekdays it collects on.
create table apheresis_unit
(
    centre_id      uuid primary key references organisation (id),
    chairs_per_day integer     not null check (chairs_per_day between 0 and 50),
    opening_days   text        not null check (opening_days ~ '^[1-7](,[1-7])*$'),
    version        integer     not null default 0,
    updated_at     timestamptz not null,
    updated_by     text        not null
);

-- A day with other chairs than usual (0: closed), with the reason.
create table apheresis_exception
(
    centre_id   uuid        not null references organisation (id),
    day         date        not null,
    chairs      integer     not null check (chairs between 0 and 50),
    reason      text        not null check (length(reason) between 1 and 500),
    recorded_at timestamptz not null,
    recorded_by text        not null,
    primary key (centre_id, day)
);

-- The chair counter of one centre and day, taken and released atomically by bookings: never negative,
-- never more than the day's chairs.
create table apheresis_day
(
    centre_id uuid    not null references organisation (id),
    day       date    not null,
    chairs    integer not null check (chairs >= 0),
    booked    integer not null default 0 check (booked >= 0),
    check (booked <= chairs),
    primary key (centre_id, day)
);
