-- Records that arrive from upstream (issue #7): the core medical-insurance platform (settlements, two-disease
-- qualifications, e-prescriptions, contributions collected elsewhere) and the civil-affairs / rural-revitalisation
-- departments (assistance-status lists). They come as batch files; a batch is stored whole or not at all.
-- The upstream module writes these tables; benefit and prescription read them.

-- One row per batch that was stored. A refused batch leaves no row here (only an audit row).
create table upstream_batch (
    id             uuid primary key,
    kind           varchar(24)  not null
        check (kind in ('SETTLEMENTS', 'QUALIFICATIONS', 'PRESCRIPTIONS', 'ASSISTANCE', 'CONTRIBUTIONS')),
    file_name      varchar(255) not null,
    content_sha256 bytea        not null,
    lines          int          not null check (lines >= 0),
    inserted       int          not null check (inserted >= 0),
    updated        int          not null check (updated >= 0),
    unchanged      int          not null check (unchanged >= 0),
    -- A staff id, or 'sandbox-feed' for the sandbox's demo batches.
    operator       varchar(64)  not null,
    imported_at    timestamptz  not null
);

create index upstream_batch_time_idx on upstream_batch (imported_at desc);

-- 结算记录: one medical bill as the core platform settled it. Immutable once stored.
create table settlement (
    settlement_no        varchar(40)  primary key,
    resident_id          uuid         not null references resident (id),
    benefit_year         int          not null,
    settled_on           date         not null,
    setting              varchar(16)  not null check (setting in ('INPATIENT', 'OUTPATIENT', 'TWO_DISEASE')),
    facility_name        varchar(128) not null,
    facility_level       varchar(16)  not null check (facility_level in ('PRIMARY', 'SECONDARY', 'TERTIARY')),
    facility_region      char(6)      not null,
    remote               varchar(24)  not null check (remote in ('NONE', 'FILED', 'UNFILED_TEMPORARY')),
    total_fen            bigint       not null check (total_fen >= 0),
    in_scope_fen         bigint       not null check (in_scope_fen >= 0 and in_scope_fen <= total_fen),
    fund_fen             bigint       not null check (fund_fen >= 0),
    critical_illness_fen bigint       not null check (critical_illness_fen >= 0),
    assistance_fen       bigint       not null check (assistance_fen >= 0),
    self_fen             bigint       not null check (self_fen >= 0),
    prescription_no      varchar(40),
    batch_id             uuid         not null references upstream_batch (id),
    check (fund_fen + critical_illness_fen + assistance_fen + self_fen = total_fen)
);

create index settlement_resident_idx on settlement (resident_id, benefit_year, settled_on);
create index settlement_prescription_idx on settlement (prescription_no) where prescription_no is not null;

-- 两病认定: a person qualified for the hypertension / diabetes outpatient-medication scheme.
create table two_disease_qualification (
    qualification_no varchar(40)  primary key,
    resident_id      uuid         not null references resident (id),
    disease          varchar(16)  not null check (disease in ('HYPERTENSION', 'DIABETES')),
    qualified_on     date         not null,
    facility_name    varchar(128) not null,
    facility_region  char(6)      not null,
    batch_id         uuid         not null references upstream_batch (id),
    unique (resident_id, disease)
);

-- 电子处方 for the two diseases. Everything but the status (issued → dispensed → settled) is fixed at issue.
create table prescription (
    id              uuid primary key,
    prescription_no varchar(40)  not null unique,
    resident_id     uuid         not null references resident (id),
    disease         varchar(16)  not null check (disease in ('HYPERTENSION', 'DIABETES')),
    drug_name       varchar(128) not null,
    specification   varchar(64)  not null,
    dosage          varchar(128) not null,
    quantity        int          not null check (quantity > 0),
    quantity_unit   varchar(8)   not null,
    days_supply     int          not null check (days_supply between 1 and 84),
    long_term       boolean      not null,
    facility_name   varchar(128) not null,
    facility_region char(6)      not null,
    prescribed_on   date         not null,
    status          varchar(16)  not null check (status in ('ISSUED', 'DISPENSED', 'SETTLED')),
    dispensed_on    date,
    batch_id        uuid         not null references upstream_batch (id),
    updated_batch_id uuid        references upstream_batch (id),
    check ((status = 'ISSUED') = (dispensed_on is null))
);

create index prescription_resident_idx on prescription (resident_id, prescribed_on desc);

-- 参保缴费记录 collected outside the portal (tax bureau, bank counters, collection agents), so that coverage knows
-- who is paid for even when they did not pay here.
create table contribution_record (
    record_no     varchar(40)  primary key,
    resident_id   uuid         not null references resident (id),
    benefit_year  int          not null,
    paid_on       date         not null,
    amount_fen    bigint       not null check (amount_fen >= 0),
    collector     varchar(128) not null,
    benefit_start date         not null,
    benefit_end   date         not null check (benefit_end >= benefit_start),
    batch_id      uuid         not null references upstream_batch (id),
    unique (resident_id, benefit_year)
);

-- 资助参保 lists from civil affairs / rural revitalisation: the latest listing sets resident.assistance.
create table assistance_listing (
    resident_id  uuid         not null references resident (id),
    listed_on    date         not null,
    status       varchar(32)  not null
        check (status in ('NONE', 'EXTREME_POVERTY', 'MINIMUM_LIVING', 'RELAPSED_POVERTY', 'MONITORED')),
    department   varchar(128) not null,
    batch_id     uuid         not null references upstream_batch (id),
    primary key (resident_id, listed_on)
);
