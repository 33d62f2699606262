-- What an assisted action created or changed, as the resident knows it (issue #8 review): the kind of thing and its
-- number (filing number, order number), so that 代办记录 can name it and link to its page.
alter table assist_action add column object_kind varchar(16) check (object_kind in ('FILING', 'PAYMENT'));
alter table assist_action add column object_number varchar(64);
