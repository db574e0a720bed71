-- One manufacturer per attempt (ADR 18): a shipment to the manufacturer goes to the manufacturer and site of the
-- case's booking; the shipment keeps which booking and site it was registered for, so that every earlier attempt's
-- shipments stay readable after a re-booking. Null for shipments back to the centre and for shipments registered
-- before this change.
alter table custody_shipment
    add column booking_id              uuid references slot_booking (id),
    add column destination_site_code   text,
    add column destination_site_name   text;
