-- A check at the patient may be witnessed on the first person's device (ADR 16): the witness gives their
-- own username and password on that device. The person signed in on the device is kept with the check, so the
-- record says the witness signed on someone else's device, and whose. Null: the witness signed in their own session.
alter table custody_verification add column second_on_device_of uuid references app_user (id);
alter table custody_verification add constraint custody_verification_device_is_first_person
    check (second_on_device_of is null or second_on_device_of is distinct from second_user_id);
