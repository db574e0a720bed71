create table organisation
(
    id         uuid primary key,
    name       text        not null check (length(trim(name)) between 2 and 200),
    kind       text        not null check (kind in ('TREATMENT_CENTRE', 'REFERRING_HOSPITAL', 'NATIONAL_PANEL',
                                                    'MANUFACTURER', 'COURIER', 'COMMISSIONER')),
    region     text,
    ods_code   text,
    -- ISBT 128 Facility Identification Number: each facility registers its own with ICCBBA (DOMAIN.md 8)
    fin        text check (fin ~ '^[A-NP-Z1-9][A-Z0-9]{4}$'),
    -- the organisation that operates this installation; its administrators manage every organisation
    operator   boolean     not null default false,
    active     boolean     not null default true,
    version    integer     not null default 0,
    created_at timestamptz not null
);
create unique index organisation_name_unique on organisation (lower(name));
create unique index organisation_fin_unique on organisation (fin) where fin is not null;
create unique index organisation_single_operator on organisation (operator) where operator;

create table app_user
(
    id                   uuid primary key,
    organisation_id      uuid        not null references organisation (id),
    username             text        not null check (username ~ '^[a-z0-9][a-z0-9._@-]{2,99}$'),
    display_name         text        not null check (length(trim(display_name)) between 2 and 200),
    email                text,
    job_title            text,
    password_hash        text        not null,
    must_change_password boolean     not null default false,
    enabled              boolean     not null default true,
    password_changed_at  timestamptz not null,
    version              integer     not null default 0,
    created_at           timestamptz not null
);
create unique index app_user_username_unique on app_user (lower(username));
create index app_user_organisation on app_user (organisation_id);

create table user_role
(
    user_id uuid not null references app_user (id),
    role    text not null check (role in ('REFERRER', 'COORDINATOR', 'CONSULTANT', 'APHERESIS_NURSE',
                                          'CELL_THERAPY_LAB', 'PHARMACIST', 'WARD_NURSE', 'QA', 'PANEL_MEMBER',
                                          'MANUFACTURER_OPERATOR', 'COURIER', 'ANALYST', 'AUDITOR', 'ADMINISTRATOR')),
    primary key (user_id, role)
);

-- Every sign-in attempt, for throttling (per account and per address) and for the record.
create table sign_in_attempt
(
    id             bigint generated always as identity primary key,
    username       text        not null,
    remote_address text        not null,
    succeeded      boolean     not null,
    attempted_at   timestamptz not null
);
create index sign_in_attempt_by_user on sign_in_attempt (lower(username), attempted_at) where not succeeded;
create index sign_in_attempt_by_address on sign_in_attempt (remote_address, attempted_at) where not succeeded;
call cartpath_make_append_only('sign_in_attempt', '${appRoleName}');

create table api_token
(
    id              uuid primary key,
    organisation_id uuid        not null references organisation (id),
    name            text        not null check (length(trim(name)) between 2 and 200),
    -- the public part of the token, to find it; the secret is stored only as a SHA-256 digest
    token_prefix    text        not null unique,
    token_hash      text        not null,
    roles           text[]      not null check (cardinality(roles) > 0),
    created_by      text        not null,
    created_at      timestamptz not null,
    revoked_at      timestamptz,
    revoked_by      text,
    last_used_at    timestamptz
);
create index api_token_organisation on api_token (organisation_id);
