-- A release being loaded in steps (the embedded engine loads large files as many small transactions, so that
-- readers are answered meanwhile): its rows exist but no query sees them until the last step clears the flag.
-- A release still marked loading after a crash is removed by the next import.
alter table stat_releases add column loading boolean not null default false;
