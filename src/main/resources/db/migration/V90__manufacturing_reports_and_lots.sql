-- Manufacturing (issue 7, items 1-3): status reports, product lots with their certificates of analysis,
-- cartpath's checks of each lot against the label, and the signed decisions. All append-only: a new
-- report, check or decision is a new row; the current state is derived.
create table manufacturing_report
(
    id                  uuid primary key,
    case_id             uuid        not null references therapy_case (id),
    attempt             integer     not null check (attempt > 0),
    status              text        not null check (status in ('MATERIAL_RECEIVED', 'MANUFACTURING_STARTED', 'IN_QC',
                                                               'RELEASED', 'OUT_OF_SPECIFICATION', 'FAILED')),
    failure_reason      text check (failure_reason in ('POOR_GROWTH', 'LOW_VIABILITY', 'LOW_PURITY', 'OTHER')),
    resolution          text check (resolution in ('RE_COLLECTION', 'RE_MANUFACTURE')),
    reason              text,
    expected_release_on date,
    mirrored            boolean     not null default false,
    reported_at         timestamptz not null,
    reported_by         text        not null,
    reported_by_name    text        not null,
    organisation_id     uuid        not null references organisation (id)
);
create index manufacturing_report_case on manufacturing_report (case_id, reported_at);
call cartpath_make_append_only('manufacturing_report', '${appRoleName}');

create table product_lot
(
    id                    uuid primary key,
    case_id               uuid        not null references therapy_case (id),
    attempt               integer     not null check (attempt > 0),
    lot_number            text        not null check (length(trim(lot_number)) between 1 and 64),
    chain_of_identity     text,
    dose_cells            numeric     not null check (dose_cells > 0),
    cd8_cells             numeric check (cd8_cells > 0),
    cd4_cells             numeric check (cd4_cells > 0),
    viability_percent     numeric     not null check (viability_percent between 0 and 100),
    volume_ml             numeric     not null check (volume_ml > 0),
    bags                  integer     not null check (bags between 1 and 20),
    expires_on            date        not null,
    manufacturer_oos      text,
    reported_at           timestamptz not null,
    reported_by           text        not null,
    organisation_id       uuid        not null references organisation (id),
    unique (case_id, lot_number)
);
call cartpath_make_append_only('product_lot', '${appRoleName}');

create table product_lot_check
(
    id               uuid primary key,
    lot_id           uuid        not null references product_lot (id),
    result           text        not null check (result in ('PASSED', 'INCOMPLETE', 'OUT_OF_SPECIFICATION')),
    checks           text        not null,
    weight_kg        numeric,
    weighed_on       date,
    label_version_id text,
    checked_at       timestamptz not null,
    checked_by       text        not null
);
create index product_lot_check_lot on product_lot_check (lot_id, checked_at);
call cartpath_make_append_only('product_lot_check', '${appRoleName}');

create table product_lot_decision
(
    id           uuid primary key,
    lot_id       uuid        not null references product_lot (id),
    kind         text        not null check (kind in ('OUT_OF_SPECIFICATION_DECISION', 'QA_ACCEPTANCE')),
    route        text check (route in ('EXPANDED_ACCESS', 'SINGLE_PATIENT_IND', 'EXCEPTIONAL_RELEASE')),
    reason       text,
    signature_id uuid        not null references electronic_signature (id),
    decided_by   uuid        not null references app_user (id),
    decided_at   timestamptz not null,
    unique (lot_id, kind)
);
call cartpath_make_append_only('product_lot_decision', '${appRoleName}');
