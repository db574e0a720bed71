-- The registries' ids of a patient and the submission status of each registry form (ADR 0036, hazard H-33).
-- One id per patient and registry (a CIBMTR Research ID is lifelong, one per person), and one patient per id: a file
-- can never carry one patient's id on another's form. Corrections change the row with a reason, in the audit trail.
create table reporting_registry_id
(
    patient_id        uuid        not null references patient (id),
    registry          text        not null check (registry in ('CIBMTR', 'EBMT')),
    registry_id       text        not null check ((registry = 'CIBMTR' and registry_id ~ '^[0-9]{10}$')
                                                  or (registry = 'EBMT' and registry_id ~ '^[0-9]{1,4}-[0-9]{1,9}$')),
    recorded_for_case uuid        not null references therapy_case (id),
    recorded_by_id    text        not null,
    recorded_by_name  text        not null,
    recorded_by_org   uuid        not null references organisation (id),
    recorded_at       timestamptz not null,
    version           integer     not null default 0,
    primary key (patient_id, registry),
    unique (registry, registry_id)
);

-- The submission status of one registry form of a case at one time point (DAY_0: the forms made once per infusion).
create table reporting_registry_submission
(
    case_id          uuid        not null references therapy_case (id),
    form             text        not null check (form in ('CIBMTR_4000', 'CIBMTR_4003', 'CIBMTR_4006', 'CIBMTR_4100',
                                                          'EBMT_MED_A', 'EBMT_FOLLOW_UP')),
    timepoint        text        not null check (timepoint ~ '^(DAY_0|DAY_100|MONTH_6|YEAR_([1-9]|1[0-5]))$'),
    status           text        not null check (status in ('NOT_SUBMITTED', 'SUBMITTED', 'ACCEPTED',
                                                            'RETURNED_WITH_QUERY')),
    status_on        date,
    query            text check (length(query) between 1 and 1000),
    recorded_by_id   text        not null,
    recorded_by_name text        not null,
    recorded_by_org  uuid        not null references organisation (id),
    recorded_at      timestamptz not null,
    version          integer     not null default 0,
    primary key (case_id, form, timepoint),
    check ((timepoint = 'DAY_0') = (form in ('CIBMTR_4000', 'CIBMTR_4003', 'CIBMTR_4006', 'EBMT_MED_A'))),
    check ((status = 'NOT_SUBMITTED') = (status_on is null)),
    check ((status = 'RETURNED_WITH_QUERY') = (query is not null))
);
