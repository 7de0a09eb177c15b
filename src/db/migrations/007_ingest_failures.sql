-- Pages that were archived but whose parsing or case storage failed. The capture keeps the exact bytes; the
-- failure is recorded against it with a stable code and, for a database refusal, its SQLSTATE — never page
-- text or names. Rows are never updated; the same failure of the same capture is recorded once.
create table ingest_failures (
  id bigserial primary key,
  capture_id bigint not null references captures (id),
  recorded_at timestamptz not null default now(),
  stage text not null check (stage in ('parse', 'store')),
  code text not null,
  sqlstate text,
  reason text not null,
  unique (capture_id, stage, code)
);
