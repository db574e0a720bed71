-- The audit trail without a global lock (ADR 0025). Writers append immutable rows carrying the id of
-- their transaction; the chain (seq, previous_hash, hash) moves to audit_seal, written afterwards by the sealer in
-- the order (xact_id, id) for rows whose transactions can no longer be overtaken. The hash of a row is unchanged
-- (SHA-256 of the previous hash and the row's canonical JSON, seq included), so existing chains verify as before.

-- the chain of the rows already written moves to the seal table, row for row
create table audit_seal
(
    seq           bigint primary key check (seq > 0),
    event_id      bigint not null unique,
    previous_hash text   not null unique check (previous_hash ~ '^[0-9a-f]{64}$'),
    hash          text   not null unique check (hash ~ '^[0-9a-f]{64}$')
);

-- a row's ordinal id: its old sequence number for the rows already chained (ALTER … USING rewrites the table, it
-- does not update rows, so the append-only triggers are not involved)
alter table audit_event add column id bigint;
alter table audit_event alter column id type bigint using seq;
insert into audit_seal (seq, event_id, previous_hash, hash) select seq, id, previous_hash, hash from audit_event;
alter table audit_event drop constraint audit_event_pkey;
alter table audit_event drop column seq, drop column previous_hash, drop column hash;
alter table audit_event alter column id set not null;
alter table audit_event add primary key (id);
alter table audit_event alter column id add generated always as identity;
select setval(pg_get_serial_sequence('audit_event', 'id'), coalesce((select max(id) from audit_event), 0) + 1, false);
alter table audit_seal add constraint audit_seal_event foreign key (event_id) references audit_event (id);

-- the writing transaction's id. The rows already chained carry 0, before every real transaction. A trigger sets it
-- for every insert, so that no writer can place a row where the sealer has already passed.
alter table audit_event add column xact_id xid8 not null default '0';
alter table audit_event alter column xact_id drop default;
create function audit_event_stamp_transaction() returns trigger
    language plpgsql as
$$
begin
    new.xact_id := pg_current_xact_id();
    return new;
end
$$;
create trigger audit_event_stamp_transaction before insert on audit_event
    for each row execute function audit_event_stamp_transaction();
-- the sealer's order, and how it finds the rows after the chain's head
create index audit_event_seal_order on audit_event (xact_id, id);

call cartpath_make_append_only('audit_seal', '${appRoleName}');

-- Signed checkpoints of the chain's head (Ed25519), so that an export can be verified offline.
create table audit_checkpoint
(
    id         bigint generated always as identity primary key,
    seq        bigint      not null references audit_seal (seq),
    hash       text        not null check (hash ~ '^[0-9a-f]{64}$'),
    signed_at  timestamptz not null,
    key_id     text        not null,
    public_key text        not null,
    signature  text        not null
);
create index audit_checkpoint_seq on audit_checkpoint (seq);
call cartpath_make_append_only('audit_checkpoint', '${appRoleName}');
