-- Asylum and border statistics: one release row per imported file (its exact bytes by sha256), one
-- observation row per published number, footnotes as published. Observations are never updated: a newer
-- release of the same dataset supersedes an older one at query time, and the older stays queryable
-- ("as published on" its vintage).

create table stat_releases (
  id serial primary key,
  source text not null check (source in ('unhcr', 'eurostat', 'cbp')),
  dataset text not null,               -- e.g. asylum-applications, migr_asyappctza, nationwide-encounters
  format text not null,                -- the importer that read it, e.g. eurostat-tsv, unhcr-pkg-csv
  release_label text not null,         -- e.g. 'R package 2025.12.1', 'bulk 2024-01-18', 'FY22–FY25 state file'
  vintage date not null,               -- when the publisher released or the data was extracted; orders releases
  file_name text not null,
  sha256 text not null unique,         -- of the file's exact bytes (compressed bytes for .gz): re-import is a no-op
  bytes bigint not null,
  observations integer not null default 0,
  synthetic boolean not null default false,
  licence text,
  origin_url text,
  meta jsonb not null default '{}',    -- preamble fields, JSON-stat annotations, the reader's notes
  imported_at timestamptz not null default now()
);

create table stat_observations (
  release_id integer not null references stat_releases (id),
  indicator text not null,             -- applications | decisions | refugees | asylum_seekers | … | encounters
  measure text not null,               -- within the indicator: first_time, new, positive, rejected, …
  origin text not null,                -- ISO 3166 alpha-3, or an aggregate code (longer than 3 letters)
  destination text not null,           -- same
  period text not null,                -- YYYY, YYYY-Qn or YYYY-MM (calendar)
  period_type text not null check (period_type in ('year', 'quarter', 'month')),
  level text not null default '',      -- procedure stage: UNHCR dec_level, Eurostat FI / FINAL; '' when none
  unit text not null check (unit in ('persons', 'cases', 'encounters')),
  sex text not null default '',
  age text not null default '',
  detail text not null default '',     -- the source's other dimensions, canonical 'key=value;…'
  value double precision,              -- null: published as not available
  flags text,                          -- Eurostat flags as published (e.g. 'bep'); 'fytd' for a running fiscal year
  line integer not null                -- where in the file (line of the record) the number was read
);
-- One number per key and release: a file that states the same observation twice is refused. The same index
-- serves lookups by indicator, origin, destination and period.
create unique index stat_observations_key on stat_observations
  (indicator, origin, destination, period, measure, level, unit, sex, age, detail, release_id);

create table stat_footnotes (
  release_id integer not null references stat_releases (id),
  years text,                          -- as published: "2023" or a range "2022 - 2023"
  origin text,
  destination text,
  population_type text,
  text text not null,
  line integer not null
);
create index stat_footnotes_release on stat_footnotes (release_id);
