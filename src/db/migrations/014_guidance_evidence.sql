-- The knowledge base's evidence file (assets/guidance/evidence.yaml, issue #14) adds two kinds of entry: document
-- checklists by claim type (id: the claim type) and public allegations against military units.
alter table guidance_entries drop constraint guidance_entries_kind_check;
alter table guidance_entries add constraint guidance_entries_kind_check
  check (kind in ('fact', 'offence', 'exit_route', 'restriction', 'destination', 'organisation', 'checklist', 'allegation'));
