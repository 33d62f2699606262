-- Refunds are records of their own (issue #4 review, after GOV.UK Pay's connector): an order may have several, each
-- with its own stable number and status. A refund of some of an order's people (a duplicate refunded
-- automatically) leaves the order PAID; a refund of every person still paid for moves the order
-- PAID → REFUNDING → REFUNDED as before.
drop index payment_refund_one_per_order_idx;
create index payment_refund_order_idx on payment_refund (order_id);

-- Whether the refund returns all that the order still held (the order's status follows it) or only some people.
-- Rows from before were whole-order refunds.
alter table payment_refund add column whole_order boolean not null default true;

-- The refund that returns (or returned) this person's money: an item is refunded at most once.
alter table payment_item add column refund_no varchar(40) references payment_refund (refund_no);
create index payment_item_refund_idx on payment_item (refund_no) where refund_no is not null;
