-- Residents. The ID number (certno) is never stored in clear: AES-GCM ciphertext for the rare need to read it,
-- an HMAC-SHA256 keyed hash for lookup, and the masked form for display.
create table household (
    id          uuid primary key,
    region_code char(6)     not null,
    created_at  timestamptz not null
);

create table resident (
    id                 uuid primary key,
    certno_hash        bytea       not null unique,
    certno_cipher      bytea       not null,
    certno_masked      varchar(18) not null,
    name               varchar(64) not null,
    birth_date         date        not null,
    psn_no             varchar(40) unique,
    evoucher_subject   varchar(128) unique,
    insured_region     char(6)     not null,
    category           varchar(32) not null default 'ADULT'
        check (category in ('ADULT', 'MINOR', 'COLLEGE_STUDENT')),
    assistance         varchar(32) not null default 'NONE'
        check (assistance in ('NONE', 'EXTREME_POVERTY', 'MINIMUM_LIVING', 'RELAPSED_POVERTY', 'MONITORED')),
    household_id       uuid references household (id),
    household_relation varchar(16)
        check (household_relation in ('SELF', 'SPOUSE', 'CHILD', 'PARENT', 'OTHER')),
    -- e.g. a college student newly enrolled in Weihai in September 2023 (威医保发〔2023〕38号).
    enrolled_on        date,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    last_sign_in_at    timestamptz
);

create index resident_household_idx on resident (household_id);

-- Append-only audit trail. The trigger makes the rule hold in the database, not only in the code.
create table audit_event (
    id             bigserial primary key,
    occurred_at    timestamptz  not null,
    actor_type     varchar(16)  not null check (actor_type in ('RESIDENT', 'STAFF', 'SYSTEM', 'ANONYMOUS')),
    actor_id       varchar(128),
    resident_id    uuid,
    action         varchar(64)  not null,
    outcome        varchar(16)  not null check (outcome in ('SUCCESS', 'FAILURE')),
    client_address varchar(64),
    user_agent     varchar(512),
    detail         varchar(512)
);

create index audit_event_resident_idx on audit_event (resident_id, occurred_at);

create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only: % is not allowed', tg_op;
end;
$$;

create trigger audit_event_append_only
    before update or delete on audit_event
    for each row execute function audit_event_is_append_only();

create trigger audit_event_no_truncate
    before truncate on audit_event
    for each statement execute function audit_event_is_append_only();
