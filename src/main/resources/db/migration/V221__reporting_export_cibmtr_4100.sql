-- The CIBMTR follow-up form (Post-CTED, Form 4100) as an export kind (docs/reporting/cibmtr-4100.md, ADR 0026).
alter table reporting_export drop constraint reporting_export_kind_check;
alter table reporting_export add constraint reporting_export_kind_check
    check (kind in ('SACT', 'CDF_OUTCOMES', 'CIBMTR_4100'));
