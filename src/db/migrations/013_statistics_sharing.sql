-- Anonymised statistics of the case files (docs/disclosure.md): an organisation shares its clients' counts only when
-- its administrators say so (off by default); releases made are kept in a ledger, and each calendar year is released
-- once, so that two releases of the same year can never be subtracted to reveal a few clients; the asylum
-- statistics accept the imported release as a source of its own, 'legal_aid'.
alter table organisations add column share_statistics boolean not null default false;

alter table stat_releases drop constraint stat_releases_source_check;
alter table stat_releases add constraint stat_releases_source_check check (source in ('unhcr', 'eurostat', 'cbp', 'legal_aid'));

create table stat_disclosures (
  sha256 text primary key,             -- of the release's canonical content, as written in the release
  generated_at timestamptz not null,
  period_from text not null,
  period_to text not null,
  organisations text[] not null,       -- slugs pooled
  k integer not null,
  protection integer not null,
  method text not null,
  withheld integer not null,
  synthetic boolean not null default false
);

-- One row per calendar year released: a second release of a year is refused by the key.
create table stat_disclosure_years (
  year text primary key,
  sha256 text not null references stat_disclosures (sha256)
);
