-- The deletion watch (#15): known case cards are visited again, and a card the court site no longer serves (HTTP 404,
-- the site's "no data" page, or gone from the result list that held it) becomes an event naming the answer that shows
-- it and the last capture that still showed the card. A card served again later gives a 'restored' event. Changes of a
-- card that is still there are case history (case_history), as before.
alter table cases add column removed_at timestamptz;   -- when the site was last seen not to serve the card (null: it does, as far as known)
create index cases_removed on cases (removed_at) where removed_at is not null;

create table case_watch_events (
  id bigserial primary key,
  case_id bigint not null references cases (id),
  kind text not null check (kind in ('removed', 'restored')),
  observed_at timestamptz not null,                    -- when the site gave the answer (the evidence capture's retrieval time)
  evidence text not null check (evidence in ('http_404', 'not_found_page', 'absent_from_list', 'card_served', 'listed')),
  evidence_capture_id bigint not null references captures (id),
  last_capture_id bigint references captures (id),     -- removed: the last capture that still showed the card
  recorded_at timestamptz not null default now(),
  unique (case_id, evidence_capture_id)
);
create index case_watch_events_case on case_watch_events (case_id, id);
