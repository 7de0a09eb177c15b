-- Which version of the redaction stage (src/courts/parse/redact.ts, src/privacy/names.ts) wrote a case. Rows
-- written before this column existed are 0: `reRedactStored` (src/courts/cases/store.ts, run at every start)
-- passes them through the current stage and rebuilds their full-text vectors from the redacted text only.
alter table cases add column redaction integer not null default 0;
create index cases_redaction on cases (redaction);
