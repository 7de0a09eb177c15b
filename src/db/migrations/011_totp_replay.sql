-- The last TOTP time step a member's code was accepted for: a code is never accepted twice (nor an older one),
-- even within its 30-second window or from another session.
alter table users add column totp_last_step bigint;
