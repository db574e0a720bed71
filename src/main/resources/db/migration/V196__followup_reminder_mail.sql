-- Follow-up reminders by e-mail (docs/clinical/follow-up-schedule.md, "Reminders by e-mail"): when SMTP is configured,
-- each reminder task queues one e-mail in the task's own transaction; the sender takes each row with
-- "for update skip locked" (one instance at a time), sends it to the users holding the task's role at the
-- organisation, and records when it was sent, so no run and no second instance sends it again. A failed send is
-- counted and tried again later. The e-mail carries no patient identifier: it links to the worklist only.

create table followup_reminder_mail
(
    task_id         uuid primary key,
    organisation_id uuid        not null references organisation (id),
    role            text        not null,
    subject         text        not null,
    body            text        not null,
    created_at      timestamptz not null,
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text,
    sent_at         timestamptz,
    recipients      integer
);
create index followup_reminder_mail_due on followup_reminder_mail (next_attempt_at) where sent_at is null;
