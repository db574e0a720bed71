-- Idempotency-Key (DESIGN.md: "External systems are retried at least once; their effects happen exactly
-- once"): the first answer to a POST with a key, stored in the same transaction as its effects, so that a
-- replay returns it and a reused key with another body is refused.
create table idempotency_record
(
    actor_id     text        not null,
    key          text        not null,
    method       text        not null,
    path         text        not null,
    request_hash text        not null,
    status       integer     not null,
    content_type text,
    body         bytea,
    created_at   timestamptz not null,
    primary key (actor_id, key)
);
create index idempotency_record_created on idempotency_record (created_at);
