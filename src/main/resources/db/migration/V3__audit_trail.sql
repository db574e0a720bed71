-- The audit trail: one hash chain over every state change (issue 2, item 6). Each row's hash is SHA-256
-- of the previous row's hash and the row's canonical form; seq and previous_hash are unique so that the
-- chain cannot fork even if two writers raced past the advisory lock.
create table audit_event
(
    seq             bigint primary key check (seq > 0),
    occurred_at     timestamptz not null,
    actor_id        text        not null,
    actor_type      text        not null,
    actor_name      text        not null,
    organisation_id uuid,
    action          text        not null,
    entity_type     text        not null,
    entity_id       text        not null,
    before_state    text,
    after_state     text,
    reason          text,
    request_id      text,
    previous_hash   text        not null unique check (previous_hash ~ '^[0-9a-f]{64}$'),
    hash            text        not null unique check (hash ~ '^[0-9a-f]{64}$')
);
create index audit_event_entity on audit_event (entity_type, entity_id);
create index audit_event_actor on audit_event (actor_id);
create index audit_event_time on audit_event (occurred_at);
create index audit_event_organisation on audit_event (organisation_id);
call cartpath_make_append_only('audit_event', '${appRoleName}');

-- Who looked at whose record. Reads are many, so they are not chained; the table is append-only.
create table data_access
(
    id              bigint generated always as identity primary key,
    accessed_at     timestamptz not null,
    actor_id        text        not null,
    actor_name      text        not null,
    organisation_id uuid,
    entity_type     text        not null,
    entity_id       text        not null,
    purpose         text        not null,
    request_id      text
);
create index data_access_entity on data_access (entity_type, entity_id);
create index data_access_actor on data_access (actor_id, accessed_at);
call cartpath_make_append_only('data_access', '${appRoleName}');
