-- Registry and commissioning exports (ADR 0026): each run of an export with its file and manifest, kept for download.
-- The file is written once, with its SHA-256, when the run completes; a run the application stopped in the middle is
-- marked INTERRUPTED (never COMPLETE) and can be started again as a new run.
create table reporting_export
(
    id                   uuid primary key,
    kind                 text        not null check (kind in ('SACT', 'CDF_OUTCOMES')),
    period_month         date        not null check (extract(day from period_month) = 1),
    purpose              text        not null check (length(purpose) between 1 and 200),
    -- the one centre whose patients it holds; null: every centre (the commissioner's national extract)
    centre_id            uuid references organisation (id),
    pseudonymised        boolean     not null,
    with_gaps            boolean     not null,
    status               text        not null check (status in ('RUNNING', 'COMPLETE', 'INTERRUPTED', 'FAILED')),
    requested_by_id      text        not null,
    requested_by_name    text        not null,
    requested_by_org     uuid        not null references organisation (id),
    requested_at         timestamptz not null,
    restart_of           uuid references reporting_export (id),
    progress_done        integer     not null default 0,
    progress_total       integer     not null default 0,
    heartbeat_at         timestamptz not null,
    extracted_at         timestamptz,
    completed_at         timestamptz,
    row_count            integer,
    sha256               text check (sha256 ~ '^[0-9a-f]{64}$'),
    file_name            text,
    file                 bytea,
    manifest             text,
    failure              text,
    check ((status = 'COMPLETE') = (file is not null and sha256 is not null and manifest is not null))
);
create index reporting_export_requested on reporting_export (requested_by_org, requested_at desc);
-- one running export per kind, month and scope: a replayed request finds the running one instead of starting another
create unique index reporting_export_one_running on reporting_export
    (kind, period_month, coalesce(centre_id, '00000000-0000-0000-0000-000000000000'::uuid)) where status = 'RUNNING';

-- The key of each export purpose's pseudonyms (HMAC-SHA256 of the patient's id): stable across runs of that purpose,
-- unlinkable across purposes. Written once, never shown.
create table reporting_pseudonym_key
(
    purpose    text primary key,
    secret     bytea       not null check (length(secret) = 32),
    created_at timestamptz not null
);
revoke update, delete, truncate on reporting_pseudonym_key from ${appRole};
