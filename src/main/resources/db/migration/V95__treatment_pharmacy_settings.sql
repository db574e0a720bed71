-- The pharmacy's dosing protocol of a treating centre (issue 7 item 4): the fludarabine renal band table and the
-- dosing rules (body surface area formula, rounding of daily doses). Each is versioned per centre and append-only:
-- a change is a new version with who, when and why. A centre without a version doses by cartpath's defaults
-- (the US Fludara bands, Mosteller, whole milligrams), shown as defaults. Every plan records the versions it used.
create table pharmacy_renal_band_table
(
    id              uuid primary key,
    centre_id       uuid        not null references organisation (id),
    version         integer     not null check (version >= 1),
    name            text        not null check (length(trim(name)) between 1 and 200),
    source          text        not null check (length(trim(source)) between 1 and 500),
    bands           jsonb       not null,
    reason          text,
    created_by      text        not null,
    created_by_name text        not null,
    created_at      timestamptz not null,
    unique (centre_id, version)
);
call cartpath_make_append_only('pharmacy_renal_band_table', '${appRoleName}');

create table pharmacy_dosing_rules
(
    id              uuid primary key,
    centre_id       uuid        not null references organisation (id),
    version         integer     not null check (version >= 1),
    bsa_formula     text        not null check (bsa_formula in ('MOSTELLER', 'DUBOIS', 'HAYCOCK')),
    -- rounding increment in mg per drug, e.g. {"CYCLOPHOSPHAMIDE": "10"}; a drug not named rounds to 1 mg
    rounding        jsonb       not null,
    reason          text,
    created_by      text        not null,
    created_by_name text        not null,
    created_at      timestamptz not null,
    unique (centre_id, version)
);
call cartpath_make_append_only('pharmacy_dosing_rules', '${appRoleName}');
