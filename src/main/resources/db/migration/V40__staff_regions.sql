-- Issue #15: staff act only on things of their own region.
-- (Numbered 40 to leave 33–39 to work under way on other branches.)

-- An order belongs to the region of its payer when it was placed: the pooling area whose contribution it collected.
-- Refunds and the operator's lists follow it, not where the payer lives today.
alter table payment_order add column region char(6);
update payment_order o set region = r.insured_region from resident r where r.id = o.payer_id;
alter table payment_order alter column region set not null;
create index payment_order_flagged_region_idx on payment_order (region, updated_at) where review_reason is not null;

-- A channel's bill covers every region's orders; an operator acts only on their region's. A run is stored per
-- importing operator's region, so that another region's operator importing the same bill acts on theirs; the
-- mismatches of other regions' orders are only counted.
alter table reconciliation_run add column region char(6);
alter table reconciliation_run add column other_regions int not null default 0;
alter table reconciliation_run drop constraint reconciliation_run_channel_bill_date_bill_hash_key;
alter table reconciliation_run add constraint reconciliation_run_once_per_region
    unique (channel, bill_date, bill_hash, region);
