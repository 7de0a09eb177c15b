-- Case files for legal-aid organisations (issue #13): organisations and their members, sessions, the keys that
-- protect client data, client files and what hangs off them, sharing, referrals, and the audit log.
--
-- Nothing here holds a client's field in plaintext: every client value is an AEAD ciphertext (src/crypto/aead.ts)
-- under the organisation's data key, which is itself stored only wrapped by the key-encryption key kept outside
-- the database (src/crypto/kek.ts). Exact lookups go through keyed blind indexes (client_lookup). The audit log
-- records who did what to which row, never a field's value.

create table organisations (
  id uuid primary key,
  slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  name text not null,
  require_totp boolean not null default true,
  require_passkey_for_admins boolean not null default false,
  -- days a client file is kept after it is closed, per status (src/casework/retention.ts); empty: kept
  retention jsonb not null default '{}'::jsonb,
  synthetic boolean not null default false,
  created_at timestamptz not null default now(),
  erased_at timestamptz
);

create table users (
  id uuid primary key,
  org_id uuid not null references organisations (id) on delete cascade,
  email text not null unique check (email = lower(email)),
  role text not null check (role in ('org_admin', 'lawyer', 'caseworker', 'volunteer', 'statistics')),
  -- Argon2id PHC string; null until the account's first password is set
  password_hash text,
  must_change_password boolean not null default true,
  -- the TOTP secret, encrypted under the system key 'totp' (AAD: users.totp_secret.<id>)
  totp_secret bytea,
  totp_confirmed_at timestamptz,
  failed_logins integer not null default 0,
  locked_until timestamptz,
  -- sessions created before this instant are void (password change, disabling, role change)
  sessions_valid_after timestamptz not null default now(),
  disabled_at timestamptz,
  created_at timestamptz not null default now()
);
create index users_org on users (org_id);

-- single-use recovery codes, stored as hashes only
create table recovery_codes (
  user_id uuid not null references users (id) on delete cascade,
  code_hash text not null,
  used_at timestamptz,
  primary key (user_id, code_hash)
);

create table webauthn_credentials (
  id text primary key,
  user_id uuid not null references users (id) on delete cascade,
  public_key bytea not null,
  counter bigint not null default 0,
  transports text[] not null default '{}',
  created_at timestamptz not null default now(),
  last_used_at timestamptz
);
create index webauthn_credentials_user on webauthn_credentials (user_id);

-- server-side sessions; the cookie holds a random token, the table only its sha256
create table sessions (
  token_hash bytea primary key,
  user_id uuid not null references users (id) on delete cascade,
  org_id uuid not null references organisations (id) on delete cascade,
  csrf_token text not null,
  -- 'password' until the second factor is given; then 'totp' | 'recovery' | 'passkey'
  factor text not null check (factor in ('password', 'totp', 'recovery', 'passkey')),
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  ended_at timestamptz
);
create index sessions_user on sessions (user_id);

-- a short-lived WebAuthn challenge per user and purpose
create table webauthn_challenges (
  user_id uuid not null references users (id) on delete cascade,
  purpose text not null check (purpose in ('register', 'authenticate')),
  challenge text not null,
  created_at timestamptz not null default now(),
  primary key (user_id, purpose)
);

-- data keys: one per organisation and version, stored wrapped by the key-encryption key. Deleting an
-- organisation's rows here is crypto-erasure: every ciphertext of it becomes unreadable.
create table org_keys (
  org_id uuid not null references organisations (id) on delete cascade,
  version integer not null check (version > 0),
  kek_id text not null,
  wrapped bytea not null,
  created_at timestamptz not null default now(),
  retired_at timestamptz,
  primary key (org_id, version)
);

-- keys of the installation itself (the audit chain's MAC key, the TOTP secrets' key), wrapped the same way
create table system_keys (
  purpose text not null,
  version integer not null check (version > 0),
  kek_id text not null,
  wrapped bytea not null,
  created_at timestamptz not null default now(),
  primary key (purpose, version)
);

create table clients (
  id uuid primary key,
  org_id uuid not null references organisations (id) on delete cascade,
  status text not null default 'open' check (status in ('open', 'closed', 'referred')),
  -- the whole client record (person, military status, service, documents held, criminal cases, wanted-list
  -- status, consent) as one ciphertext (AAD: org, 'clients', 'record', id)
  record bytea not null,
  -- optimistic concurrency: a change names the revision it was made on; an older one is refused
  revision integer not null default 1,
  synthetic boolean not null default false,
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  closed_at timestamptz
);
create index clients_org on clients (org_id, updated_at desc);

-- keyed blind indexes (HMAC-SHA256 under a key derived from the organisation's data key) for exact lookups
create table client_lookup (
  org_id uuid not null references organisations (id) on delete cascade,
  kind text not null check (kind in ('document_number', 'name', 'case_ref')),
  digest bytea not null,
  client_id uuid not null references clients (id) on delete cascade,
  primary key (org_id, kind, digest, client_id)
);
create index client_lookup_client on client_lookup (client_id);

create table client_notes (
  id uuid primary key,
  org_id uuid not null references organisations (id) on delete cascade,
  client_id uuid not null references clients (id) on delete cascade,
  author_id uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  -- kind and body, encrypted (AAD: org, 'client_notes', 'body', id)
  body bytea not null
);
create index client_notes_client on client_notes (client_id, created_at);

create table client_documents (
  id uuid primary key,
  org_id uuid not null references organisations (id) on delete cascade,
  client_id uuid not null references clients (id) on delete cascade,
  uploaded_by uuid references users (id) on delete set null,
  uploaded_at timestamptz not null default now(),
  -- the file's own key, wrapped by the organisation's data key
  file_key bytea not null,
  -- name, media type, sha256 of the stored bytes, what metadata was removed: encrypted under the file key
  meta bytea not null,
  -- the file's bytes after metadata stripping, encrypted under the file key
  content bytea not null,
  size integer not null
);
create index client_documents_client on client_documents (client_id);

-- a client file shared with a named user of the same organisation (volunteers see only these)
create table client_shares (
  client_id uuid not null references clients (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  org_id uuid not null references organisations (id) on delete cascade,
  granted_by uuid references users (id) on delete set null,
  granted_at timestamptz not null default now(),
  primary key (client_id, user_id)
);
create index client_shares_user on client_shares (user_id);

-- a referral of a client to another organisation, with the client's consent: the receiving organisation gets a
-- copy re-encrypted under its own key; both sides keep this row (each sees its own side)
create table referrals (
  id uuid primary key,
  from_org uuid not null references organisations (id) on delete cascade,
  to_org uuid not null references organisations (id) on delete cascade,
  from_client uuid references clients (id) on delete set null,
  to_client uuid references clients (id) on delete set null,
  referred_by uuid references users (id) on delete set null,
  referred_at timestamptz not null default now()
);
create index referrals_from on referrals (from_org);
create index referrals_to on referrals (to_org);

-- the append-only, hash-chained audit log: one chain per organisation ('org:<id>') and one for the installation
-- ('system'). Each entry's mac = HMAC(audit key, previous mac ‖ canonical entry); `otkaz audit verify` recomputes it.
create table audit_log (
  chain text not null,
  seq bigint not null check (seq > 0),
  at timestamptz not null,
  org_id uuid,
  actor_id uuid,
  actor_kind text not null,
  action text not null,
  resource_type text,
  resource_id text,
  outcome text not null check (outcome in ('ok', 'refused', 'failed')),
  ip text,
  key_version integer not null,
  prev_mac bytea not null,
  mac bytea not null,
  primary key (chain, seq)
);
create index audit_log_org on audit_log (org_id, at desc);

create table audit_heads (
  chain text primary key,
  seq bigint not null,
  mac bytea not null
);

create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only' using errcode = 'P0001';
end;
$$;
create trigger audit_log_no_update before update or delete on audit_log
  for each row execute function audit_log_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_append_only();
