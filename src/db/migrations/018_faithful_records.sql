-- Faithful WARC records (#15): what each capture's record was, byte for byte, so that an export re-emits it
-- unchanged. Raw evidence like the bodies (a request may carry cookies, a page full names); never shown as text.
alter table captures
  add column record_type text check (record_type in ('response', 'resource', 'revisit', 'metadata')),
  add column warc_record_id text,         -- the record's WARC-Record-ID, as written
  add column warc_head bytea,             -- its WARC header block exactly as read (version line to the blank line)
  add column http_head bytea,             -- the HTTP header block as received: status line, names with case and order
  add column payload_sha256 text references blobs (sha256), -- the payload as transmitted, when content- or transfer-encoded
  add column payload_digest text,         -- its WARC-Payload-Digest, as written (revisits are resolved by it)
  add column ip_address text,             -- WARC-IP-Address, where known
  add column request_warc_head bytea,     -- the request record that was really sent (WARC header block)
  add column request_block bytea;         -- and its block (request line, headers as sent, any body)
create index captures_payload_digest on captures (payload_digest) where payload_digest is not null;
create index captures_warc_record_id on captures (warc_record_id) where warc_record_id is not null;
