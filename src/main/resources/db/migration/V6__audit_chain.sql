-- Audit rows say which object and which request they concern, and form a hash chain: each row's row_hash covers
-- its fields and the previous row's hash, so a changed, removed or inserted row breaks the chain from there on.
--
-- The hash is computed here, in a trigger, rather than in the application: every insert (any instance, any
-- version, a psql session) is chained the same way under one lock, and the application cannot choose the hash.
--
-- Canonical serialization, version 1 (AuditRowHash in the audit module implements the same for verification):
--   row_hash = sha256(prev_hash || utf8(text))
--   text     = 'audit_event/v1' followed, for each field in the order below, by a newline and
--              '-' for null, else <number of UTF-8 bytes of the value> ':' <value>
--   fields   = id, recorded_at, occurred_at, actor_type, actor_id, resident_id, action, outcome, client_address,
--              user_agent, detail, object_id, request_id, assist_session_id
--   values   = numbers in decimal; timestamps as microseconds since 1970-01-01 UTC; uuids lower-case with dashes
-- The first row's prev_hash is 32 zero bytes, or after a purge the hash of the last purged row (audit_chain_anchor).

alter table audit_event
    add column object_id         varchar(128),
    add column request_id        varchar(64),
    add column assist_session_id uuid,
    -- When the database stored the row (occurred_at is the application's business clock): retention counts from
    -- here. Rows from before this migration count as stored now, so none of them is purged early.
    add column recorded_at       timestamptz not null default now(),
    add column prev_hash         bytea,
    add column row_hash          bytea;
alter table audit_event alter column recorded_at drop default;
-- The trigger draws ids under the chain lock, so that id order is chain order.
alter table audit_event alter column id drop default;

create function audit_hash_field(value text) returns text language sql immutable as $$
    select E'\n' || case when value is null then '-' else octet_length(convert_to(value, 'UTF8')) || ':' || value end
$$;

create function audit_event_hash(e audit_event) returns bytea language sql stable as $$
    select sha256(e.prev_hash || convert_to('audit_event/v1'
        || audit_hash_field(e.id::text)
        || audit_hash_field(((extract(epoch from e.recorded_at) * 1000000)::bigint)::text)
        || audit_hash_field(((extract(epoch from e.occurred_at) * 1000000)::bigint)::text)
        || audit_hash_field(e.actor_type)
        || audit_hash_field(e.actor_id)
        || audit_hash_field(e.resident_id::text)
        || audit_hash_field(e.action)
        || audit_hash_field(e.outcome)
        || audit_hash_field(e.client_address)
        || audit_hash_field(e.user_agent)
        || audit_hash_field(e.detail)
        || audit_hash_field(e.object_id)
        || audit_hash_field(e.request_id)
        || audit_hash_field(e.assist_session_id::text), 'UTF8'))
$$;

-- One lock for everything that moves the chain's ends (inserts, purges); the two-key form keeps it apart from the
-- single-key locks other modules take.
create function audit_chain_lock() returns void language sql as $$
    select pg_advisory_xact_lock(8, 1)
$$;

-- Where the chain starts after old rows were purged: the hash of the last purged row, one line per purge.
create table audit_chain_anchor (
    purged_through_id bigint primary key,
    last_hash         bytea       not null,
    purged_rows       bigint      not null,
    cutoff            timestamptz not null,
    purged_at         timestamptz not null
);

-- Chain the rows stored so far, in id order, before any guard applies.
drop trigger audit_event_append_only on audit_event;
do $$
declare
    r        audit_event;
    previous bytea := decode(repeat('00', 32), 'hex');
begin
    for r in select * from audit_event order by id loop
        r.prev_hash := previous;
        r.row_hash := audit_event_hash(r);
        update audit_event set prev_hash = r.prev_hash, row_hash = r.row_hash where id = r.id;
        previous := r.row_hash;
    end loop;
end;
$$;
alter table audit_event alter column prev_hash set not null, alter column row_hash set not null;

create function audit_event_chain() returns trigger language plpgsql as $$
declare
    previous bytea;
begin
    -- Under a snapshot older than the lock (REPEATABLE READ, SERIALIZABLE) the last row might be invisible and the
    -- chain would fork; READ COMMITTED takes a fresh snapshot for the query after the lock.
    if current_setting('transaction_isolation') <> 'read committed' then
        raise exception 'audit_event rows are added under READ COMMITTED only, not %',
            current_setting('transaction_isolation');
    end if;
    -- Held until commit: the next insert waits and then sees this row as the last one.
    perform audit_chain_lock();
    new.id := nextval('audit_event_id_seq');
    new.recorded_at := clock_timestamp();
    select row_hash into previous from audit_event order by id desc limit 1;
    if previous is null then
        select last_hash into previous from audit_chain_anchor order by purged_through_id desc limit 1;
    end if;
    new.prev_hash := coalesce(previous, decode(repeat('00', 32), 'hex'));
    new.row_hash := audit_event_hash(new);
    return new;
end;
$$;

create trigger audit_event_chained
    before insert on audit_event
    for each row execute function audit_event_chain();

create or replace function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % is not allowed', tg_table_name, tg_op;
end;
$$;

create trigger audit_event_no_update
    before update on audit_event
    for each row execute function audit_event_is_append_only();

-- Deleting is left to audit_purge() alone. The setting is no security boundary (any session may set it; the
-- privileges are), it keeps the table owner from deleting by mistake, and even then only rows past the 180-day floor.
create function audit_event_purge_only() returns trigger language plpgsql as $$
begin
    if current_setting('portal.audit_purge', true) = 'on' and old.recorded_at < now() - interval '180 days' then
        return old;
    end if;
    raise exception 'audit_event is append-only: % is not allowed', tg_op;
end;
$$;

create trigger audit_event_purge_only
    before delete on audit_event
    for each row execute function audit_event_purge_only();

create trigger audit_chain_anchor_append_only
    before update or delete on audit_chain_anchor
    for each row execute function audit_event_is_append_only();

create trigger audit_chain_anchor_no_truncate
    before truncate on audit_chain_anchor
    for each statement execute function audit_event_is_append_only();

-- Removes the oldest rows stored more than retention_days ago (never fewer than 180 days) and records the hash of the
-- last one removed as the chain's new anchor. Only a leading run of old rows goes, so the rest stays one chain.
-- SECURITY DEFINER: it runs as the table owner, the application's role has no DELETE of its own.
create function audit_purge(retention_days integer) returns bigint
    language plpgsql security definer set search_path = ${flyway:defaultSchema}, pg_temp as $$
declare
    purge_cutoff timestamptz;
    first_kept   bigint;
    through_id   bigint;
    through_hash bytea;
    purged       bigint;
begin
    if retention_days is null or retention_days < 180 then
        raise exception 'audit rows are kept at least 180 days, not %', retention_days;
    end if;
    perform audit_chain_lock();
    purge_cutoff := now() - make_interval(days => retention_days);
    select id into first_kept from audit_event where recorded_at >= purge_cutoff order by id limit 1;
    select e.id, e.row_hash into through_id, through_hash from audit_event e
        where first_kept is null or e.id < first_kept order by e.id desc limit 1;
    if through_id is null then
        return 0;
    end if;
    perform set_config('portal.audit_purge', 'on', true);
    delete from audit_event where id <= through_id;
    get diagnostics purged = row_count;
    perform set_config('portal.audit_purge', 'off', true);
    insert into audit_chain_anchor (purged_through_id, last_hash, purged_rows, cutoff, purged_at)
        values (through_id, through_hash, purged, purge_cutoff, now());
    return purged;
end;
$$;
revoke execute on function audit_purge(integer) from public;

-- For operators without the web application (psql): the first row whose link or content does not match, if any.
-- It reuses audit_event_hash(); the application's check (GET /api/v1/staff/audit/chain) recomputes independently.
create function audit_chain_first_break() returns table (broken_id bigint, problem text) language sql stable as $$
    with start as (
        select coalesce((select last_hash from audit_chain_anchor order by purged_through_id desc limit 1),
                        decode(repeat('00', 32), 'hex')) as first_prev),
    linked as (
        select e.id, e.prev_hash, e.row_hash, audit_event_hash(e) as recomputed,
               lag(e.row_hash, 1, s.first_prev) over (order by e.id) as expected_prev
        from audit_event e cross join start s)
    select id, case when prev_hash is distinct from expected_prev then 'prev_hash does not match the row before'
                    else 'row_hash does not match the row''s content' end
    from linked
    where prev_hash is distinct from expected_prev or row_hash is distinct from recomputed
    order by id
    limit 1
$$;
