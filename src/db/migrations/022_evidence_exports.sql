-- The chain of custody of evidence packets (#15): every `otkaz evidence packet` and every download of a case's
-- packet from the API is one row — who (the actor's kind; a member's user id and organisation), when, what (the
-- case, the captures, the number of files and the sha256 of the packet's manifest, which names the sha256 of every
-- other file of it). Each packet lists the exports of its case before it and itself. Rows are never updated or
-- deleted: a trigger refuses it (its owner can switch it off; a copy of a packet still shows what was exported).
create table evidence_exports (
  id bigserial primary key,
  case_id bigint not null references cases (id),
  exported_at timestamptz not null,
  actor_kind text not null check (actor_kind in ('local', 'operator', 'reader', 'anonymous', 'user')),
  actor_user_id text,                    -- a member's user id (a uuid); null for the other kinds
  actor_org_id text,                     -- a member's organisation
  surface text not null check (surface in ('cli', 'api')),
  captures bigint[] not null,            -- the case's captures the packet holds, in id order
  files integer not null check (files >= 1),
  manifest_sha256 text not null check (manifest_sha256 ~ '^[0-9a-f]{64}$')
);
create index evidence_exports_case on evidence_exports (case_id, id);

create function evidence_exports_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'evidence_exports is append-only' using errcode = 'P0001';
end;
$$;
create trigger evidence_exports_no_update before update or delete on evidence_exports
  for each row execute function evidence_exports_append_only();
create trigger evidence_exports_no_truncate before truncate on evidence_exports
  for each statement execute function evidence_exports_append_only();
