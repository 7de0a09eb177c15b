-- Row-level security: the second wall between organisations, under the WHERE clauses of the data layer.
-- Case-file operations run their transaction as the role otkaz_member with the setting otkaz.org_id naming the
-- actor's organisation (src/casework/tenant.ts); these policies then hide every other organisation's rows, on
-- PostgreSQL and on the embedded engine alike (PGlite is PostgreSQL). The owner of the tables (the installation's
-- own work: sign-in, the command line's export and erasure) is not subject to them.
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'otkaz_member') then
    create role otkaz_member nologin;
  end if;
  if not pg_has_role(current_user, 'otkaz_member', 'member') then
    execute format('grant otkaz_member to %I', current_user);
  end if;
exception when insufficient_privilege then
  raise notice 'otkaz: cannot create or grant the role otkaz_member (%): case files run without row-level security', sqlerrm;
end;
$$;

do $$
begin
  if exists (select 1 from pg_roles where rolname = 'otkaz_member') then
    grant usage on schema public to otkaz_member;
    grant select, insert, update, delete on all tables in schema public to otkaz_member;
    grant usage, select on all sequences in schema public to otkaz_member;
    -- tables of later migrations too
    alter default privileges in schema public grant select, insert, update, delete on tables to otkaz_member;
    alter default privileges in schema public grant usage, select on sequences to otkaz_member;
  end if;
end;
$$;

alter table clients enable row level security;
alter table client_lookup enable row level security;
alter table client_notes enable row level security;
alter table client_documents enable row level security;
alter table client_shares enable row level security;
alter table org_keys enable row level security;
alter table users enable row level security;
alter table referrals enable row level security;

create policy tenant on clients using (org_id = nullif(current_setting('otkaz.org_id', true), '')::uuid);
create policy tenant on client_lookup using (org_id = nullif(current_setting('otkaz.org_id', true), '')::uuid);
create policy tenant on client_notes using (org_id = nullif(current_setting('otkaz.org_id', true), '')::uuid);
create policy tenant on client_documents using (org_id = nullif(current_setting('otkaz.org_id', true), '')::uuid);
create policy tenant on client_shares using (org_id = nullif(current_setting('otkaz.org_id', true), '')::uuid);
create policy tenant on org_keys using (org_id = nullif(current_setting('otkaz.org_id', true), '')::uuid);
create policy tenant on users using (org_id = nullif(current_setting('otkaz.org_id', true), '')::uuid);
create policy tenant on referrals using (
  from_org = nullif(current_setting('otkaz.org_id', true), '')::uuid
  or to_org = nullif(current_setting('otkaz.org_id', true), '')::uuid
);
