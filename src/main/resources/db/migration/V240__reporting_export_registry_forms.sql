-- The CIBMTR forms 4000, 4003 and 4006 and the EBMT cellular therapy forms as export kinds, and the file's format:
-- CSV, or JSON (one document per form and patient) for the registry forms (docs/reporting/cibmtr-forms.md,
-- docs/reporting/ebmt.md, ADR 0036).
alter table reporting_export drop constraint reporting_export_kind_check;
alter table reporting_export add constraint reporting_export_kind_check
    check (kind in ('SACT', 'CDF_OUTCOMES', 'CIBMTR_4100', 'CIBMTR_4000', 'CIBMTR_4003', 'CIBMTR_4006', 'EBMT_MED_A',
                    'EBMT_FOLLOW_UP'));
alter table reporting_export add column format text not null default 'CSV' check (format in ('CSV', 'JSON'));
alter table reporting_export add check (format = 'CSV' or kind like 'CIBMTR%' or kind like 'EBMT%');
-- one running export per kind, format, month and scope
drop index reporting_export_one_running;
create unique index reporting_export_one_running on reporting_export
    (kind, format, period_month, coalesce(centre_id, '00000000-0000-0000-0000-000000000000'::uuid))
    where status = 'RUNNING';
