-- Electronic signatures (21 CFR 11.50, 11.70, 11.200): the printed name, role and meaning at signing,
-- the server time, and a digest of the signed record's content so that a later change is detected.
create table electronic_signature
(
    id              uuid primary key,
    signer_id       uuid        not null references app_user (id),
    printed_name    text        not null,
    signer_role     text        not null,
    meaning         text        not null check (meaning in ('APPROVED', 'REVIEWED', 'VERIFIED', 'RELEASED',
                                                            'ADMINISTERED', 'AUTHORED', 'WITNESSED', 'REJECTED',
                                                            'OVERRIDDEN')),
    organisation_id uuid        not null references organisation (id),
    record_type     text        not null,
    record_id       text        not null,
    record_hash     text        not null check (record_hash ~ '^[0-9a-f]{64}$'),
    reason          text,
    signed_at       timestamptz not null
);
create index electronic_signature_record on electronic_signature (record_type, record_id);
call cartpath_make_append_only('electronic_signature', '${appRoleName}');
