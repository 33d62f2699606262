-- The application connects as portal_app, not as the owner that runs these migrations: it reads and writes its
-- tables but can only read and append audit rows (no UPDATE, DELETE or TRUNCATE), so the audit trail does not rest
-- on the application's code alone. The role is created outside the migrations (it needs a password and CREATEROLE):
-- by the embedded database in the sandbox and tests, by the DBA in production (see README).
do $$
begin
    if not exists (select from pg_roles where rolname = 'portal_app') then
        raise exception 'Role portal_app is missing: create it before migrating (see README, Production configuration)';
    end if;
end;
$$;

grant usage on schema ${flyway:defaultSchema} to portal_app;
grant select, insert, update, delete on all tables in schema ${flyway:defaultSchema} to portal_app;
grant usage, select on all sequences in schema ${flyway:defaultSchema} to portal_app;
-- Tables and sequences of later migrations get the same (a migration that wants less revokes it).
alter default privileges in schema ${flyway:defaultSchema}
    grant select, insert, update, delete on tables to portal_app;
alter default privileges in schema ${flyway:defaultSchema}
    grant usage, select on sequences to portal_app;

revoke all on ${flyway:table} from portal_app;
-- The audit trail: read and append; old rows leave only through audit_purge(), which runs as the owner.
revoke update, delete, truncate on audit_event from portal_app;
revoke insert, update, delete, truncate on audit_chain_anchor from portal_app;
grant execute on function audit_purge(integer) to portal_app;
