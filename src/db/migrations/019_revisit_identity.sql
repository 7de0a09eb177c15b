-- A capture's identity adds its record type (#15): a revisit record in the same second as the response it revisits
-- has the same URL, body and time, but it is a record of its own, which the export must re-emit. A capture with no
-- record type (the crawler's, before 018) counts as a response, so re-importing an export still finds it.
drop index captures_identity;
create unique index captures_identity on captures (url, sha256, coalesce(retrieved_at, 'epoch'::timestamptz), coalesce(record_type, 'response'));
