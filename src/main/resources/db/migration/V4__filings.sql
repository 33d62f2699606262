-- Remote-settlement filings (异地就医备案), their materials and every status change with who and why.
create table filing (
    id              uuid primary key,
    number          varchar(24) not null unique,
    insured_id      uuid        not null references resident (id),
    filed_by_id     uuid        not null references resident (id),
    type            varchar(32) not null,
    kind            varchar(16) not null check (kind in ('LONG_TERM', 'TEMPORARY')),
    destination     char(6)     not null,
    start_date      date        not null,
    end_date        date,
    reason          varchar(500) not null,
    commitment      boolean     not null,
    treatment_date  date,
    status          varchar(16) not null
        check (status in ('SUBMITTED', 'UNDER_REVIEW', 'EFFECTIVE', 'REJECTED', 'CANCELLED', 'EXPIRED')),
    effective_on    date,
    review_region   char(6)     not null,
    created_at      timestamptz not null,
    version         integer     not null default 0,
    check (end_date is null or end_date > start_date)
);
create index filing_insured_idx on filing (insured_id, status);
create index filing_review_idx on filing (status, review_region);

create table filing_material (
    id           uuid primary key,
    filing_id    uuid         not null references filing (id),
    material     varchar(32)  not null,
    file_name    varchar(200) not null,
    content_type varchar(64)  not null check (content_type in ('application/pdf', 'image/jpeg', 'image/png')),
    size_bytes   integer      not null check (size_bytes > 0 and size_bytes <= 5242880),
    content      bytea        not null,
    uploaded_at  timestamptz  not null
);
create index filing_material_filing_idx on filing_material (filing_id);

create table filing_event (
    id          bigserial primary key,
    filing_id   uuid        not null references filing (id),
    occurred_at timestamptz not null,
    from_status varchar(16),
    to_status   varchar(16) not null,
    actor_type  varchar(16) not null check (actor_type in ('RESIDENT', 'STAFF', 'SYSTEM')),
    actor_id    varchar(128),
    reason      varchar(500)
);
create index filing_event_filing_idx on filing_event (filing_id, occurred_at);
