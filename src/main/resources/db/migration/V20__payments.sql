-- Payment orders (issue #4). Numbered 20 to leave room for other modules' migrations developed in parallel.
create sequence payment_order_no_seq;

create table payment_order (
    id                uuid primary key,
    order_no          varchar(32)  not null unique,
    payer_id          uuid         not null references resident (id),
    benefit_year      int          not null,
    channel           varchar(16)  not null check (channel in ('SANDBOX', 'WECHAT_PAY', 'ALIPAY')),
    amount_fen        bigint       not null check (amount_fen > 0),
    status            varchar(20)  not null check (status in ('CREATED', 'AWAITING_PAYMENT', 'PAID', 'FAILED', 'CLOSED',
                                                               'REFUNDING', 'REFUNDED', 'REFUND_FAILED')),
    version           int          not null default 0,
    transaction_id    varchar(64),
    pay_url           varchar(2048),
    created_at        timestamptz  not null,
    expires_at        timestamptz  not null,
    paid_at           timestamptz,
    updated_at        timestamptz  not null,
    -- Set when a channel said something that does not match this order (other merchant, other amount).
    review_reason     varchar(256),
    -- The sweeper leases an order before asking the channel, so that two app instances do not both work on it.
    sweep_lease_until timestamptz
);

create index payment_order_payer_idx on payment_order (payer_id, benefit_year);
create index payment_order_open_idx on payment_order (created_at) where status in ('CREATED', 'AWAITING_PAYMENT');

-- One row per person paid for. The partial unique indexes are the rules "at most one open order per person and
-- year" and "never charged twice", held by the database even under concurrent requests.
create table payment_item (
    order_id       uuid        not null references payment_order (id),
    insured_id     uuid        not null references resident (id),
    benefit_year   int         not null,
    amount_fen     bigint      not null check (amount_fen > 0),
    standard_fen   bigint      not null check (standard_fen >= 0),
    assistance_fen bigint      not null check (assistance_fen >= 0),
    grade          int,
    citation       varchar(256) not null,
    state          varchar(16) not null check (state in ('OPEN', 'PAID', 'RELEASED', 'DUPLICATE', 'REFUNDED')),
    -- Set when the person is paid for: the receipt's number and the subject of its verification QR code.
    receipt_no     varchar(40) unique,
    receipt_id     uuid unique,
    primary key (order_id, insured_id)
);

create unique index payment_item_one_open_idx on payment_item (insured_id, benefit_year) where state = 'OPEN';
create unique index payment_item_one_paid_idx on payment_item (insured_id, benefit_year) where state = 'PAID';
create index payment_item_insured_idx on payment_item (insured_id, benefit_year);

-- Every status change, with its cause.
create table payment_event (
    id          bigserial primary key,
    order_id    uuid        not null references payment_order (id),
    from_status varchar(20),
    to_status   varchar(20) not null,
    cause       varchar(32) not null,
    detail      varchar(256),
    occurred_at timestamptz not null
);

create index payment_event_order_idx on payment_event (order_id, id);

-- Idempotency keys are per payer: another payer's key never finds this payer's order.
create table payment_idempotency_key (
    payer_id     uuid        not null references resident (id),
    key          varchar(64) not null,
    request_hash bytea       not null,
    order_id     uuid        not null references payment_order (id),
    created_at   timestamptz not null,
    expires_at   timestamptz not null,
    primary key (payer_id, key)
);

create index payment_idempotency_expiry_idx on payment_idempotency_key (expires_at);

-- Refunds: the refund number is made once and reused on every retry, so the channel refunds once.
create table payment_refund (
    refund_no         varchar(40)  primary key,
    order_id          uuid         not null references payment_order (id),
    amount_fen        bigint       not null check (amount_fen > 0),
    cause             varchar(16)  not null check (cause in ('OPERATOR', 'DUPLICATE')),
    reason            varchar(256) not null,
    requested_by      varchar(128) not null,
    status            varchar(16)  not null check (status in ('REQUESTED', 'SUCCEEDED', 'FAILED')),
    channel_refund_id varchar(64),
    created_at        timestamptz  not null,
    updated_at        timestamptz  not null
);

create unique index payment_refund_one_per_order_idx on payment_refund (order_id);

-- Every notification received, genuine or not, for review and support.
create table payment_notification (
    id          bigserial primary key,
    channel     varchar(16)  not null,
    order_no    varchar(32),
    genuine     boolean      not null,
    outcome     varchar(32)  not null,
    detail      varchar(256),
    received_at timestamptz  not null
);

create index payment_notification_order_idx on payment_notification (order_no);

-- Reconciliation against a channel's daily bill.
create table reconciliation_run (
    id          uuid primary key,
    channel     varchar(16)  not null,
    bill_date   date         not null,
    bill_hash   bytea        not null,
    lines       int          not null,
    imported_by varchar(128) not null,
    imported_at timestamptz  not null,
    unique (channel, bill_date, bill_hash)
);

create table reconciliation_mismatch (
    id          bigserial primary key,
    run_id      uuid        not null references reconciliation_run (id),
    kind        varchar(32) not null check (kind in ('PAID_AT_CHANNEL_ONLY', 'PAID_HERE_ONLY', 'AMOUNT_DIFFERS',
                                                     'UNKNOWN_ORDER')),
    order_no    varchar(32) not null,
    channel_fen bigint,
    our_fen     bigint,
    resolution  varchar(256)
);

-- The sandbox channel's own books, kept apart as if it were an outside system: its payments and its outbox of
-- notifications (so a notification due before a crash is still sent after restart).
create table sandbox_payment (
    order_no       varchar(32)  primary key,
    merchant_id    varchar(32)  not null,
    amount_fen     bigint       not null,
    description    varchar(128) not null,
    status         varchar(16)  not null check (status in ('PENDING', 'PAID', 'CANCELLED', 'CLOSED')),
    transaction_id varchar(40) unique,
    return_url     varchar(512),
    created_at     timestamptz  not null,
    expires_at     timestamptz  not null,
    paid_at        timestamptz,
    refunded_fen   bigint       not null default 0
);

create table sandbox_refund (
    refund_no  varchar(40) primary key,
    order_no   varchar(32) not null references sandbox_payment (order_no),
    refund_id  varchar(40) not null unique,
    amount_fen bigint      not null,
    created_at timestamptz not null
);

create table sandbox_notification (
    id           bigserial primary key,
    order_no     varchar(32) not null,
    body         text        not null,
    due_at       timestamptz not null,
    attempts     int         not null default 0,
    delivered_at timestamptz
);

create index sandbox_notification_due_idx on sandbox_notification (due_at) where delivered_at is null;
