-- Two more kinds of follow-up clinical entry (docs/clinical/follow-up.md, ADR 0035): a subsequent therapy after CAR-T
-- (its kind, intent and regimen, observed on the date it started) and a CAR-T persistence result (flow cytometry or
-- qPCR, detected or not, value and unit). Versioned and append-only like the others (V210); only the list of kinds
-- changes.

alter table followup_clinical_entry drop constraint followup_clinical_entry_kind_check;
alter table followup_clinical_entry add constraint followup_clinical_entry_kind_check
    check (kind in ('BLOOD_COUNT', 'B_CELLS_AND_IMMUNOGLOBULIN', 'INFECTION', 'SUBSEQUENT_THERAPY',
                    'CAR_T_PERSISTENCE'));
