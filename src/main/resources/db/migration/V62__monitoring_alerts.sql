-- Alerts (issue 6 item 6): raised by the rule set after an assessment or by the missed-assessment check,
-- acknowledged once, and optionally delivered to a webhook.

-- dedupe_key makes each alert happen once however often (and on however many instances) its rule fires:
-- one per grade reached in an episode, one per febrile spell, one per missed scheduled day.
create table monitoring_alert
(
    id            uuid primary key,
    case_id       uuid        not null references monitoring_anchor (case_id),
    centre_id     uuid        not null references organisation (id),
    kind          text        not null check (kind in ('CRS_GRADE', 'ICANS_GRADE', 'FEVER', 'MISSED_ASSESSMENT')),
    grade         integer,
    day_number    integer     not null,
    detail        text        not null,
    assessment_id uuid references monitoring_assessment (id),
    raised_at     timestamptz not null,
    dedupe_key    text        not null unique
);
create index monitoring_alert_centre on monitoring_alert (centre_id, raised_at);
create index monitoring_alert_case on monitoring_alert (case_id, raised_at);
call cartpath_make_append_only('monitoring_alert', '${appRoleName}');

create table monitoring_alert_acknowledgement
(
    alert_id              uuid primary key references monitoring_alert (id),
    acknowledged_by       text        not null,
    acknowledged_by_name  text        not null,
    acknowledged_at       timestamptz not null,
    note                  text
);
call cartpath_make_append_only('monitoring_alert_acknowledgement', '${appRoleName}');

-- The webhook outbox: written with the alert, delivered after commit with retries.
create table monitoring_webhook_delivery
(
    alert_id        uuid primary key references monitoring_alert (id),
    payload         text        not null,
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    delivered_at    timestamptz,
    given_up_at     timestamptz,
    last_error      text
);
create index monitoring_webhook_delivery_due on monitoring_webhook_delivery (next_attempt_at)
    where delivered_at is null and given_up_at is null;
