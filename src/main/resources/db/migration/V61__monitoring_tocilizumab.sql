-- Tocilizumab for CRS (issue 6 item 5): doses given, and doses held on site.

-- A dose given. A dose recorded against a spacing or count rule carries the rules a consultant overrode
-- and the signature (meaning OVERRIDDEN) that carries the reason.
create table monitoring_tocilizumab_dose
(
    id                     uuid primary key,
    case_id                uuid          not null references monitoring_anchor (case_id),
    given_at               timestamptz   not null,
    dose_mg                numeric(5, 1) not null check (dose_mg > 0 and dose_mg <= 800),
    weight_kg              numeric(6, 2) not null,
    weight_based_dose_mg   numeric(5, 1) not null,
    overridden_rules       text,
    override_signature_id  uuid references electronic_signature (id),
    override_reason        text,
    recorded_by            text          not null,
    recorded_by_name       text          not null,
    recorded_at            timestamptz   not null,
    check ((overridden_rules is null) = (override_signature_id is null))
);
create index monitoring_tocilizumab_dose_case on monitoring_tocilizumab_dose (case_id, given_at);
call cartpath_make_append_only('monitoring_tocilizumab_dose', '${appRoleName}');

-- A count of the doses held on site for a case; the latest count is the stock. Before infusion there is no
-- monitoring anchor yet, so this refers to the case.
create table monitoring_tocilizumab_stock
(
    id               uuid primary key,
    case_id          uuid        not null references therapy_case (id),
    doses_on_site    integer     not null check (doses_on_site between 0 and 50),
    counted_at       timestamptz not null,
    recorded_by      text        not null,
    recorded_by_name text        not null
);
create index monitoring_tocilizumab_stock_case on monitoring_tocilizumab_stock (case_id, counted_at);
call cartpath_make_append_only('monitoring_tocilizumab_stock', '${appRoleName}');
