-- Trusted time stamps (#15, RFC 3161): one token of a time-stamping authority over the Merkle root (RFC 6962
-- hashing) of a batch of capture hashes, and per capture its place in the batch and its audit path, so that each
-- capture's stamp verifies offline: leaf → root with the path, then the token's imprint and signature over the root.
-- Rows are never updated or deleted, like the captures they date. A capture may be stamped again (another TSA, a
-- renewal before the TSA's certificate expires): one row per stamp.
create table timestamps (
  id bigserial primary key,
  tsa_url text not null,                 -- where the token was asked for
  root text not null check (root ~ '^[0-9a-f]{64}$'), -- the Merkle root: the token's SHA-256 message imprint
  leaves integer not null check (leaves >= 1), -- the tree's size (a proof is read against it)
  response bytea not null,               -- the TimeStampResp exactly as received (a .tsr file: openssl ts -verify -in)
  gen_time timestamptz not null,         -- the token's genTime, as the TSA signed it
  serial text not null,                  -- the token's serial number (hexadecimal)
  policy text not null,                  -- the TSA policy it was issued under (an OID)
  created_at timestamptz not null        -- when otkaz received it
);

create table capture_stamps (
  capture_id bigint not null references captures (id),
  timestamp_id bigint not null references timestamps (id),
  leaf_index integer not null check (leaf_index >= 0), -- the capture's place among the batch's leaves
  proof bytea not null,                  -- its audit path: the 32-byte sibling hashes from the leaf up, concatenated
  primary key (capture_id, timestamp_id)
);
create index capture_stamps_timestamp on capture_stamps (timestamp_id);
