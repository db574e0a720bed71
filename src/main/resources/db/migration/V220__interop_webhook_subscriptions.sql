-- Outbound webhooks (ADR 0033): a hospital's system subscribes to be told when one of its cases changes stage. The
-- subscription belongs to one organisation (a treatment centre or a referring hospital) and is told only of cases that
-- organisation is a party to. Each stage change writes one delivery per active subscription in the stage change's own
-- transaction (a transactional outbox); a sender posts it after the commit and tries again, doubling the wait, until it
-- is answered 2xx or given up.
create table interop_webhook_subscription
(
    id                  uuid primary key,
    organisation_id     uuid        not null references organisation (id),
    url                 text        not null check (length(url) between 8 and 2000),
    description         text        not null check (length(description) between 1 and 200),
    -- the shared secret of the HMAC-SHA256 signature: shown once when the subscription is made, kept to sign
    secret              text        not null check (length(secret) >= 32),
    created_at          timestamptz not null,
    created_by_id       text        not null,
    created_by_name     text        not null,
    ended_at            timestamptz,
    ended_by_name       text,
    end_reason          text,
    check ((ended_at is null) = (ended_by_name is null))
);
create index interop_webhook_subscription_active on interop_webhook_subscription (organisation_id) where ended_at is null;

create table interop_webhook_delivery
(
    id              uuid primary key,
    subscription_id uuid        not null references interop_webhook_subscription (id),
    case_id         uuid        not null,
    case_version    integer     not null,
    event           text        not null,
    payload         text        not null,
    created_at      timestamptz not null,
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    delivered_at    timestamptz,
    given_up_at     timestamptz,
    last_status     integer,
    last_error      text,
    -- a stage change is owed once to each subscription, whatever replays the event
    unique (subscription_id, case_id, case_version)
);
create index interop_webhook_delivery_due on interop_webhook_delivery (next_attempt_at)
    where delivered_at is null and given_up_at is null;
create index interop_webhook_delivery_of_subscription on interop_webhook_delivery (subscription_id, created_at desc);
