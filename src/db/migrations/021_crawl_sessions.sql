-- Crawl sessions and RFC 9309 robots: each host's cookie jar (kept with the crawl, so a resumed crawl keeps its
-- session), how its robots.txt answered and the Crawl-delay it asks for, and search-form jobs (the captcha flow's
-- first request, paced and robots-checked like every other).
alter table crawl_hosts add column cookies jsonb;          -- tough-cookie's serialised jar for this host
alter table crawl_hosts add column robots_status integer;  -- HTTP status of the last robots.txt read; null with robots_checked_at set: no answer
alter table crawl_hosts add column crawl_delay_ms integer; -- robots.txt Crawl-delay for us, when it names one

alter table crawl_jobs drop constraint crawl_jobs_kind_check;
alter table crawl_jobs add constraint crawl_jobs_kind_check check (kind in ('list', 'card', 'act', 'form'));
