-- A member's e-mail is unique within an organisation, not across the installation. Server-wide uniqueness let the
-- administrator of one organisation learn, by trying to add an account, that an e-mail has an account in another
-- organisation (that a person works with, or is, a client of another legal-aid group). Sign-in finds the account
-- by e-mail and, when the e-mail is in several organisations, by the organisation given with it.
alter table users drop constraint users_email_key;
alter table users add constraint users_org_email_key unique (org_id, email);
create index users_email_idx on users (email);
