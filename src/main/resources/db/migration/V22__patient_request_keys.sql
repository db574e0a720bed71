-- Idempotency-Key of POSTs to the patient API (DESIGN.md: external systems retry; effects happen once).
-- A replay with the same key and the same request answers with what the first request created.
create table patient_request_key
(
    actor_id        text        not null,
    idempotency_key text        not null check (length(idempotency_key) between 1 and 200),
    request_digest  text        not null check (request_digest ~ '^[0-9a-f]{64}$'),
    patient_id      uuid        not null references patient (id),
    entry_id        uuid,
    created_at      timestamptz not null,
    primary key (actor_id, idempotency_key)
);
call cartpath_make_append_only('patient_request_key', '${appRoleName}');
