-- Referrals (issue 3, item 3): one referral per therapy case, its attached letters and reports, and the
-- questions the centre asks and the answers the referrer gives. A referral is never deleted: its status
-- changes under an optimistic version; attachments, messages and read markers are append-only.
create table referral
(
    id                        uuid primary key,
    case_id                   uuid        not null unique references therapy_case (id),
    patient_id                uuid        not null,
    referring_organisation_id uuid        not null references organisation (id),
    centre_id                 uuid        not null references organisation (id),
    referred_by_id            text        not null,
    referred_by_name          text        not null,
    product_code              text        not null,
    indication                text        not null,
    jurisdiction              text        not null check (jurisdiction in ('UK', 'EU', 'US')),
    urgency                   text        not null check (urgency in ('ROUTINE', 'URGENT')),
    clinical_summary          text        not null check (length(clinical_summary) between 1 and 10000),
    status                    text        not null check (status in ('SUBMITTED', 'MORE_INFORMATION_REQUESTED',
                                                                     'ACCEPTED', 'DECLINED')),
    decline_reason            text,
    version                   integer     not null default 0,
    submitted_at              timestamptz not null,
    updated_at                timestamptz not null,
    check ((status = 'DECLINED') = (decline_reason is not null)),
    check (referring_organisation_id <> centre_id)
);
create index referral_referring on referral (referring_organisation_id, submitted_at desc);
create index referral_centre on referral (centre_id, submitted_at desc);

revoke delete, truncate on referral from ${appRole};
create trigger referral_no_delete before delete on referral
    for each row execute function cartpath_refuse_change();
create trigger referral_no_truncate before truncate on referral
    for each statement execute function cartpath_refuse_change();

-- The centre's questions and the referrer's answers, in order.
create table referral_message
(
    id                uuid primary key,
    referral_id       uuid        not null references referral (id),
    sequence          integer     not null check (sequence > 0),
    kind              text        not null check (kind in ('QUESTION', 'ANSWER')),
    body              text        not null check (length(body) between 1 and 5000),
    author_id         text        not null,
    author_name       text        not null,
    organisation_id   uuid        not null references organisation (id),
    organisation_name text        not null,
    sent_at           timestamptz not null,
    unique (referral_id, sequence)
);
call cartpath_make_append_only('referral_message', '${appRoleName}');

-- Which organisation has seen which message: the unread markers of the referrer's and the centre's pages.
create table referral_message_read
(
    message_id      uuid        not null references referral_message (id),
    organisation_id uuid        not null references organisation (id),
    read_by_id      text        not null,
    read_at         timestamptz not null,
    primary key (message_id, organisation_id)
);
call cartpath_make_append_only('referral_message_read', '${appRoleName}');

-- Letters and reports, stored in the database with their SHA-256 (PDF, PNG or JPEG, told by their content).
create table referral_attachment
(
    id                uuid primary key,
    referral_id       uuid        not null references referral (id),
    message_id        uuid references referral_message (id),
    file_name         text        not null check (length(file_name) between 1 and 200),
    content_type      text        not null check (content_type in ('application/pdf', 'image/png', 'image/jpeg')),
    size_bytes        integer     not null check (size_bytes > 0),
    sha256            text        not null check (sha256 ~ '^[0-9a-f]{64}$'),
    content           bytea       not null,
    uploaded_by_id    text        not null,
    uploaded_by_name  text        not null,
    organisation_id   uuid        not null references organisation (id),
    organisation_name text        not null,
    uploaded_at       timestamptz not null,
    check (octet_length(content) = size_bytes)
);
create index referral_attachment_referral on referral_attachment (referral_id, uploaded_at);
call cartpath_make_append_only('referral_attachment', '${appRoleName}');
