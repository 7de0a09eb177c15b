-- Case identity lookups (cases/store.ts findExisting) must not scan the table.
create index cases_court_case_uid on cases (court_vnkod, case_uid);
create index cases_court_case_id on cases (court_vnkod, delo_id, case_id);
create index cases_court_judicial_uid on cases (court_vnkod, judicial_uid);
