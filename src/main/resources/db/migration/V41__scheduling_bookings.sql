-- Bookings (issue 4 items 2 and 3): a case's manufacturing slot and apheresis day, and the plan of every
-- later step. Never deleted: a reschedule ends a booking as RESCHEDULED and books anew, a cancellation
-- ends it as CANCELLED, a re-collection after a manufacturing failure ends the used one as SUPERSEDED.
create table slot_booking
(
    id                   uuid primary key,
    case_id              uuid        not null references therapy_case (id),
    case_reference       text        not null,
    centre_id            uuid        not null references organisation (id),
    manufacturer_id      uuid        not null references organisation (id),
    product_code         text        not null,
    slot_id              uuid        not null references manufacturing_slot (id),
    apheresis_date       date,
    purpose              text        not null check (purpose in ('COLLECTION', 'RECOLLECTION', 'REMANUFACTURE')),
    status               text        not null check (status in ('BOOKED', 'RESCHEDULED', 'CANCELLED', 'SUPERSEDED')),
    previous_booking_id  uuid references slot_booking (id),
    -- the chain-of-identity identifier, once custody allocates one (ISBT 128, DOMAIN.md section 8)
    chain_of_identity    text,
    label_version_id     text,
    booked_at            timestamptz not null,
    booked_by            text        not null,
    booked_by_name       text        not null,
    ended_at             timestamptz,
    ended_by_name        text,
    end_reason           text,
    version              integer     not null default 0,
    check ((status = 'BOOKED') = (ended_at is null)),
    check (purpose = 'REMANUFACTURE' or apheresis_date is not null)
);
-- exactly one active booking per case and per slot
create unique index slot_booking_active_case on slot_booking (case_id) where status = 'BOOKED';
create unique index slot_booking_active_slot on slot_booking (slot_id) where status = 'BOOKED';
create index slot_booking_case on slot_booking (case_id, booked_at);
create index slot_booking_centre_day on slot_booking (centre_id, apheresis_date) where status = 'BOOKED';
create index slot_booking_manufacturer on slot_booking (manufacturer_id, booked_at);

-- The plan a booking fixed: target dates (and windows) of each later step, how each was computed, whether
-- it rests on a default rather than the label, and what no longer fits. Immutable: a new booking replans.
create table booking_plan_step
(
    booking_id   uuid    not null references slot_booking (id),
    step         text    not null check (step in ('APHERESIS', 'SHIPMENT_TO_SITE', 'MANUFACTURING', 'RELEASE',
                                                  'RETURN_SHIPMENT', 'LYMPHODEPLETION', 'INFUSION', 'INPATIENT')),
    position     integer not null,
    planned_on   date    not null,
    window_start date    not null,
    window_end   date    not null,
    basis        text    not null,
    uses_default boolean not null,
    conflict     text,
    primary key (booking_id, step),
    check (window_end >= window_start)
);
call cartpath_make_append_only('booking_plan_step', '${appRoleName}');
