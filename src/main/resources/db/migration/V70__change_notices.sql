-- Every committed change to what the read cache holds (workflows, versions, credentials, Fortanix sessions) is
-- announced on one channel, so that every instance sharing this database drops its cached reads. Statement-level
-- triggers: identical notices of one transaction are delivered once, at commit, and never for one that rolls back.
create function announce_change() returns trigger language plpgsql as $$
begin
    perform pg_notify('workflow_versions_changed', '');
    return null;
end;
$$;

create trigger workflow_changed after insert or update or delete or truncate on workflow
    for each statement execute function announce_change();
create trigger workflow_version_changed after insert or update or delete or truncate on workflow_version
    for each statement execute function announce_change();
create trigger credential_changed after insert or update or delete or truncate on credential
    for each statement execute function announce_change();
create trigger fortanix_session_changed after insert or update or delete or truncate on fortanix_session
    for each statement execute function announce_change();
