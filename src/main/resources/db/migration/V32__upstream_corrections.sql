-- Upstream corrections (issue #7 review). Real platforms correct what they sent: a settlement by a reversal (冲正)
-- that names the original, a contribution record by withdrawing it (退费/作废), a two-disease qualification by
-- revoking it (撤销认定). Everything upstream sent is kept in the upstream_* tables (the upstream module is their only
-- writer); the names the readers have always used (settlement, contribution_record, two_disease_qualification) become
-- views of the rows that count, so that a reversed settlement, a withdrawn payment or a revoked qualification drops
-- out of every existing `select … from settlement where resident_id = … and benefit_year = …` without the reader
-- changing a word. The views are simple enough for PostgreSQL to update through (tests insert through them).

-- ---- settlements ----------------------------------------------------------------------------------------------------

alter table settlement rename to upstream_settlement;

-- A reversal (冲正) is a row of its own with its own number that names the settlement it takes back and repeats its
-- figures (as non-negative fen). An original is reversed at most once; a reversal is never reversed.
alter table upstream_settlement
    add column reverses_settlement_no varchar(40) references upstream_settlement (settlement_no),
    add constraint upstream_settlement_not_itself check (reverses_settlement_no <> settlement_no);
create unique index upstream_settlement_reversed_once_idx on upstream_settlement (reverses_settlement_no)
    where reverses_settlement_no is not null;

-- The settlements that count: neither a reversal nor reversed.
create view settlement as
select s.settlement_no, s.resident_id, s.benefit_year, s.settled_on, s.setting, s.facility_name, s.facility_level,
       s.facility_region, s.remote, s.total_fen, s.in_scope_fen, s.fund_fen, s.critical_illness_fen, s.assistance_fen,
       s.self_fen, s.prescription_no, s.batch_id
from upstream_settlement s
where s.reverses_settlement_no is null
  and not exists (select 1 from upstream_settlement r where r.reverses_settlement_no = s.settlement_no);

-- ---- contribution records -------------------------------------------------------------------------------------------

alter table contribution_record rename to upstream_contribution_record;

-- 退费/作废: the day the record stopped counting, and the batch that said so. Once set it never changes.
alter table upstream_contribution_record
    add column withdrawn_on date,
    add column withdrawn_batch_id uuid references upstream_batch (id),
    add constraint upstream_contribution_withdrawn_after_paid check (withdrawn_on is null or withdrawn_on >= paid_on),
    add constraint upstream_contribution_withdrawn_with_batch
        check ((withdrawn_on is null) = (withdrawn_batch_id is null));
-- One record that counts per person and benefit year; after a withdrawal a new record (a new number) may follow.
alter table upstream_contribution_record drop constraint contribution_record_resident_id_benefit_year_key;
create unique index upstream_contribution_one_per_year_idx on upstream_contribution_record (resident_id, benefit_year)
    where withdrawn_on is null;
create index upstream_contribution_resident_idx on upstream_contribution_record (resident_id, benefit_year);

create view contribution_record as
select record_no, resident_id, benefit_year, paid_on, amount_fen, collector, benefit_start, benefit_end, batch_id
from upstream_contribution_record
where withdrawn_on is null;

-- ---- two-disease qualifications -------------------------------------------------------------------------------------

alter table two_disease_qualification rename to upstream_two_disease_qualification;

-- 撤销认定: the day the qualification was revoked, and the batch that said so. Once set it never changes.
alter table upstream_two_disease_qualification
    add column revoked_on date,
    add column revoked_batch_id uuid references upstream_batch (id),
    add constraint upstream_qualification_revoked_after_qualified
        check (revoked_on is null or revoked_on >= qualified_on),
    add constraint upstream_qualification_revoked_with_batch check ((revoked_on is null) = (revoked_batch_id is null));
-- One qualification that counts per person and disease; after a revocation a new one (a new number) may follow.
alter table upstream_two_disease_qualification
    drop constraint two_disease_qualification_resident_id_disease_key;
create unique index upstream_qualification_one_per_disease_idx
    on upstream_two_disease_qualification (resident_id, disease) where revoked_on is null;
create index upstream_qualification_resident_idx on upstream_two_disease_qualification (resident_id);

create view two_disease_qualification as
select qualification_no, resident_id, disease, qualified_on, facility_name, facility_region, batch_id
from upstream_two_disease_qualification
where revoked_on is null;

-- ---- prescriptions --------------------------------------------------------------------------------------------------

-- The longest supply is a portal setting (portal.upstream.max-days-supply, default 84 = 12 weeks, from the issue
-- text, not from a policy document); the import enforces it, the table only that a supply lasts at least a day.
alter table prescription drop constraint prescription_days_supply_check;
alter table prescription add constraint prescription_days_supply_check check (days_supply >= 1);

-- ---- batches --------------------------------------------------------------------------------------------------------

-- Whose batch it is, so that an operator lists only the batches of their own region or places inside it: a staff
-- operator's region, or for the sandbox feed the smallest region holding every person the batch names.
alter table upstream_batch add column region_code char(6);

-- Batches stored before: the region of their people where they all live in one region (otherwise none, and such a
-- batch shows to nobody).
update upstream_batch b
set region_code = people.region
from (select rows.batch_id, min(r.insured_region) as region
      from (select batch_id, resident_id from upstream_settlement
            union all select batch_id, resident_id from upstream_contribution_record
            union all select batch_id, resident_id from upstream_two_disease_qualification
            union all select batch_id, resident_id from prescription
            union all select updated_batch_id, resident_id from prescription where updated_batch_id is not null
            union all select batch_id, resident_id from assistance_listing) rows
               join resident r on r.id = rows.resident_id
      group by rows.batch_id
      having count(distinct r.insured_region) = 1) people
where people.batch_id = b.id;

create index upstream_batch_region_idx on upstream_batch (region_code, imported_at desc);
