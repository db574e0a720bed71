-- Label versions of the catalogue (issue 3, item 2): a product's label in one jurisdiction from a date.
-- Clinical parameters are data (DESIGN.md): seeded from src/main/resources/catalogue/*.yaml and added by
-- the operator's administrators, never changed or deleted, so that a case keeps the version it used.
create table catalogue_label_version
(
    id              text primary key check (id ~ '^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$' and length(id) <= 64),
    product         text        not null check (product ~ '^[A-Z][A-Z0-9_]*$'),
    jurisdiction    text        not null check (jurisdiction in ('UK', 'EU', 'US')),
    effective_from  date        not null,
    -- the validated document, as canonical JSON, and its SHA-256 (what the audit row refers to)
    document        jsonb       not null,
    document_digest text        not null check (document_digest ~ '^[0-9a-f]{64}$'),
    -- BUNDLED from a file shipped with cartpath, or ADDED by an administrator
    origin          text        not null check (origin in ('BUNDLED', 'ADDED')),
    source_file     text,
    -- the YAML an administrator submitted, exactly as submitted
    source_text     text,
    added_by        text        not null,
    added_by_name   text        not null,
    added_at        timestamptz not null,
    check (id like product || '-' || jurisdiction || '-%')
);
-- One version takes effect per product, jurisdiction and day: "current on a date" is never ambiguous.
create unique index catalogue_label_version_effective
    on catalogue_label_version (product, jurisdiction, effective_from);
call cartpath_make_append_only('catalogue_label_version', '${appRoleName}');
