-- The waitlist of each product (issue 4 item 4): cases without a slot, ordered by a transparent priority
-- score, an allocation committee's override first.
create table waitlist_entry
(
    id                uuid primary key,
    case_id           uuid        not null references therapy_case (id),
    case_reference    text        not null,
    centre_id         uuid        not null references organisation (id),
    product_code      text        not null,
    -- what the case is planned with, for expected dates and offers (as on the case when it joined)
    indication        text,
    jurisdiction      text,
    label_version_id  text,
    joined_at         timestamptz not null,
    joined_by_name    text        not null,
    urgency           text        not null check (urgency in ('ROUTINE', 'URGENT', 'EMERGENCY')),
    kinetics          text        not null check (kinetics in ('INDOLENT', 'STABLE', 'PROGRESSIVE', 'RAPIDLY_PROGRESSIVE')),
    clinical_reason   text,
    clinical_set_by   text,
    clinical_set_at   timestamptz,
    committee_rank    integer check (committee_rank between 1 and 1000),
    committee_reason  text,
    committee_set_by  text,
    committee_set_at  timestamptz,
    status            text        not null check (status in ('WAITING', 'BOOKED', 'LEFT')),
    left_at           timestamptz,
    left_reason       text,
    version           integer     not null default 0,
    check ((committee_rank is null) = (committee_reason is null))
);
create unique index waitlist_entry_one_waiting on waitlist_entry (case_id) where status = 'WAITING';
create index waitlist_entry_product on waitlist_entry (product_code) where status = 'WAITING';

-- A freed slot offered to the case at the top of its product's waitlist, with a task for its coordinator.
-- The slot is held for that case until the offer expires, is declined or the case books it.
create table slot_offer
(
    id                uuid primary key,
    slot_id           uuid        not null references manufacturing_slot (id),
    waitlist_entry_id uuid        not null references waitlist_entry (id),
    case_id           uuid        not null references therapy_case (id),
    offered_at        timestamptz not null,
    expires_at        timestamptz not null,
    latest_apheresis  date,
    task_id           uuid,
    status            text        not null check (status in ('OPEN', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'WITHDRAWN')),
    closed_at         timestamptz,
    closed_reason     text,
    check ((status = 'OPEN') = (closed_at is null))
);
create unique index slot_offer_one_open_per_slot on slot_offer (slot_id) where status = 'OPEN';
create index slot_offer_case on slot_offer (case_id);
