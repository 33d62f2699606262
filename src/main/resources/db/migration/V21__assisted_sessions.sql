-- Help-desk assisted sessions (代办, issue #8): a staff member acting for a resident with the resident's consent.
create table assist_session (
    id                uuid primary key,
    staff_id          varchar(64)  not null,
    staff_name_masked varchar(64)  not null,
    service_point     varchar(128),
    staff_region      char(6)      not null,
    resident_id       uuid         not null references resident (id),
    -- How the resident consented: showing their 医保码, approving on their phone, or reading out a one-time code.
    consent           varchar(16)  not null check (consent in ('RESIDENT_CODE', 'PHONE_APPROVAL', 'ONE_TIME_CODE')),
    status            varchar(20)  not null check (status in ('AWAITING_RESIDENT', 'ACTIVE', 'ENDED', 'REVOKED',
                                                              'EXPIRED', 'DECLINED')),
    -- SHA-256 of the 6-digit code shown on the resident's phone while the request waits; never the code itself.
    one_time_code_hash bytea,
    failed_code_tries int         not null default 0,
    created_at        timestamptz  not null,
    request_expires_at timestamptz not null,
    started_at        timestamptz,
    expires_at        timestamptz,
    ended_at          timestamptz,
    ended_by          varchar(16)  check (ended_by in ('STAFF', 'RESIDENT', 'SIGN_OUT', 'TIMEOUT')),
    version           int          not null default 0
);

create index assist_session_resident_idx on assist_session (resident_id, created_at);
create index assist_session_staff_idx on assist_session (staff_id, status);

-- What was done in a session, for the resident's "代办记录" (the audit trail holds the same, chained).
create table assist_action (
    id          bigserial primary key,
    session_id  uuid         not null references assist_session (id),
    occurred_at timestamptz  not null,
    action      varchar(128) not null,
    object_id   varchar(128),
    outcome     varchar(16)  not null check (outcome in ('SUCCESS', 'FAILURE'))
);

create index assist_action_session_idx on assist_action (session_id, id);
