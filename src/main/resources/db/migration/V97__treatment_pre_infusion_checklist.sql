-- The pre-infusion checklist (issue 7 item 5). A checklist is a versioned list of items per centre and product;
-- the default (no centre, no product) is the issue's seven items, seeded here. A centre adds its own items to
-- them for all products or for one. Ticks, withdrawals and overrides are append-only; the latest entry of an item
-- within the validity period counts.
create table pre_infusion_checklist
(
    id              uuid primary key,
    centre_id       uuid references organisation (id),
    product_code    text,
    version         integer     not null check (version >= 1),
    items           jsonb       not null,
    reason          text,
    created_by      text        not null,
    created_by_name text        not null,
    created_at      timestamptz not null,
    unique nulls not distinct (centre_id, product_code, version)
);
call cartpath_make_append_only('pre_infusion_checklist', '${appRoleName}');

insert into pre_infusion_checklist (id, centre_id, product_code, version, items, reason, created_by, created_by_name,
                                    created_at)
values ('00000000-0000-0000-0000-00000000c411', null, null, 1, '[
  {"code": "PRODUCT_RECEIVED", "label": "Product received and its identity verified at receipt", "hint": "From the chain of custody: the two-person receipt check", "kind": "AUTOMATIC"},
  {"code": "QA_RELEASE_ACCEPTED", "label": "QA release accepted", "hint": "From manufacturing: QA''s signed acceptance of the latest lot", "kind": "AUTOMATIC"},
  {"code": "LYMPHODEPLETION_IN_WINDOW", "label": "Lymphodepletion completed, infusion within the label''s window", "hint": "From the lymphodepletion records", "kind": "AUTOMATIC"},
  {"code": "TOCILIZUMAB_ON_SITE", "label": "Tocilizumab doses on site as the label asks", "hint": "From the pharmacy''s stock count against the label version", "kind": "AUTOMATIC"},
  {"code": "NO_UNCONTROLLED_INFECTION", "label": "No active uncontrolled infection", "hint": "Confirmed by the consultant or the ward nurse today", "kind": "MANUAL"},
  {"code": "CONSENT_CURRENT", "label": "Consent to treatment current", "hint": "Check the signed consent; cartpath shows the consent on record", "kind": "MANUAL"},
  {"code": "OBSERVATIONS_WITHIN_LIMITS", "label": "Observations within limits", "hint": "Temperature, heart rate, blood pressure, oxygen saturation before infusion", "kind": "MANUAL"}
]', 'The issue''s seven items (issue 7 item 5)', 'system:migration', 'cartpath', '2026-11-26T00:00:00Z');

create table pre_infusion_checklist_entry
(
    id               uuid primary key,
    case_id          uuid        not null references therapy_case (id),
    checklist_id     uuid        not null,
    item_code        text        not null,
    kind             text        not null check (kind in ('TICKED', 'WITHDRAWN', 'OVERRIDDEN')),
    note             text,
    evidence         text,
    signature_id     uuid,
    recorded_by      uuid        not null references app_user (id),
    recorded_by_name text        not null,
    recorded_role    text        not null,
    recorded_at      timestamptz not null,
    check (kind <> 'OVERRIDDEN' or (signature_id is not null and note is not null)),
    check (kind <> 'WITHDRAWN' or note is not null)
);
create index pre_infusion_checklist_entry_case on pre_infusion_checklist_entry (case_id, item_code, recorded_at);
call cartpath_make_append_only('pre_infusion_checklist_entry', '${appRoleName}');
