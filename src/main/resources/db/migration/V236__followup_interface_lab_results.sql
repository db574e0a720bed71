-- Laboratory results that reached cartpath through an interface (HL7 v2 ORU^R01 or a FHIR Observation, filed by
-- interop, ADR 0024 and 0030) for an infused case, as the follow-up counts series uses them (ADR 0035): neutrophils,
-- platelets, haemoglobin, IgG and CD19+ B cells, in cartpath's units, with the source in words. One row per filed
-- result (source_result_id, interop's result id): a publication handed to the listener twice writes nothing twice.
-- Append-only: a result is never changed here; a value typed for the same date and measurement wins over it.

create table followup_interface_result
(
    id               uuid primary key,
    source_result_id uuid        not null unique,
    case_id          uuid        not null references followup_plan (case_id),
    measurement      text        not null check (measurement in ('ANC', 'PLATELETS', 'HAEMOGLOBIN', 'IGG',
                                                                 'CD19_B_CELLS')),
    value            numeric     not null check (value >= 0),
    unit             text        not null,
    observed_on      date        not null,
    observed_at      timestamptz not null,
    source           text        not null,
    filed_at         timestamptz not null
);
create index followup_interface_result_case on followup_interface_result (case_id, observed_on);

call cartpath_make_append_only('followup_interface_result', '${appRoleName}');
