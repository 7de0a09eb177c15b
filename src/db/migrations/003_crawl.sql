-- Crawl plan and jobs, per-host politeness state, and the human captcha queue.

create table crawl_jobs (
  id bigserial primary key,
  kind text not null check (kind in ('list', 'card', 'act')),
  court_vnkod text not null,
  host text not null,
  url text not null unique,            -- one job per URL: re-planning never duplicates work
  article text,
  axis text,
  window_from date,
  window_to date,
  page integer,
  parent_id bigint references crawl_jobs (id),
  act_case jsonb,                      -- act jobs: the case ids and act title from the list row that linked it
  state text not null default 'pending' check (state in ('pending', 'running', 'done', 'failed')),
  attempts integer not null default 0,
  last_error text,
  next_run_at timestamptz not null default now(),
  claimed_by text,
  claimed_at timestamptz,
  result_kind text,
  capture_id bigint references captures (id),
  total_rows integer,                  -- list page 1: the counter "Всего по запросу найдено"
  rows_found integer,                  -- list pages: rows read
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index crawl_jobs_ready on crawl_jobs (state, next_run_at);
create index crawl_jobs_host on crawl_jobs (host, state);
create index crawl_jobs_parent on crawl_jobs (parent_id);

create table crawl_hosts (
  host text primary key,
  court_vnkod text,
  in_flight boolean not null default false,
  next_allowed_at timestamptz not null default now(),
  backoff_until timestamptz,
  backoff_reason text,
  blocked_reason text,                 -- WAF or geo-block: the host is stopped until an operator clears it
  captcha_needed boolean not null default false,
  captcha_id text,
  captcha_answer text,
  robots_txt text,
  robots_checked_at timestamptz,
  day date,
  requests_today integer not null default 0,
  last_success_at timestamptz,
  last_error text
);

create table captcha_queue (
  id bigserial primary key,
  host text not null,
  court_vnkod text,
  captcha_id text not null,
  png bytea,
  state text not null default 'pending' check (state in ('pending', 'answered', 'expired')),
  answer text,
  created_at timestamptz not null default now(),
  answered_at timestamptz
);
create index captcha_queue_pending on captcha_queue (state, host);
