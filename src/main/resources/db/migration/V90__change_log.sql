-- The change notices of V70 and V80 called pg_notify, which makes every writing transaction take one lock for the
-- whole cluster and hold it through its commit: every write commit waited on every other. Committed changes are now
-- written to a change log instead, naming what changed, and each instance reads it (ChangeLog) to drop exactly the
-- cached reads that depend on it:
--   v:<version id>     a version changed or was deleted (its reads by id);
--   w:<workflow id>    anything in the workflow changed: itself, or a version created, changed or deleted (its pages);
--   c:<credential id>  a credential;  s:<session id>  a Fortanix session;  *  everything (truncate).
-- xid orders the log by transaction: a reader that has seen every row of transactions older than its snapshot's xmin
-- has missed nothing, whatever order the transactions committed in.
drop trigger workflow_changed on workflow;
drop trigger workflow_version_changed on workflow_version;
drop trigger credential_changed on credential;
drop trigger fortanix_session_changed on fortanix_session;
drop function announce_change();

create table change_log (
    seq       bigint      generated always as identity,
    xid       xid8        not null default pg_current_xact_id(),
    topic     text        not null,
    logged_at timestamptz not null default now()
);
create index change_log_by_xid on change_log (xid);

create function log_version_change() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into change_log (topic) select distinct 'w:' || workflow_id from new_rows;
    elsif tg_op = 'UPDATE' then
        insert into change_log (topic)
            select 'v:' || id from new_rows
            union select 'w:' || workflow_id from new_rows
            union select 'w:' || workflow_id from old_rows;
    else
        insert into change_log (topic)
            select 'v:' || id from old_rows
            union select 'w:' || workflow_id from old_rows;
    end if;
    return null;
end;
$$;

create function log_row_change() returns trigger language plpgsql as $$
begin
    -- On updates and deletes only (a new row is no cached read's yet); tg_argv[0] is the topic's prefix.
    insert into change_log (topic) select tg_argv[0] || id from old_rows;
    return null;
end;
$$;

create function log_everything_changed() returns trigger language plpgsql as $$
begin
    insert into change_log (topic) values ('*');
    return null;
end;
$$;

create trigger version_created after insert on workflow_version referencing new table as new_rows
    for each statement execute function log_version_change();
create trigger version_changed after update on workflow_version referencing old table as old_rows new table as new_rows
    for each statement execute function log_version_change();
create trigger version_deleted after delete on workflow_version referencing old table as old_rows
    for each statement execute function log_version_change();

create trigger workflow_changed after update on workflow referencing old table as old_rows
    for each statement execute function log_row_change('w:');
create trigger workflow_deleted after delete on workflow referencing old table as old_rows
    for each statement execute function log_row_change('w:');
create trigger credential_changed after update on credential referencing old table as old_rows
    for each statement execute function log_row_change('c:');
create trigger credential_deleted after delete on credential referencing old table as old_rows
    for each statement execute function log_row_change('c:');
create trigger session_changed after update on fortanix_session referencing old table as old_rows
    for each statement execute function log_row_change('s:');
create trigger session_deleted after delete on fortanix_session referencing old table as old_rows
    for each statement execute function log_row_change('s:');

create trigger workflow_truncated after truncate on workflow for each statement execute function log_everything_changed();
create trigger workflow_version_truncated after truncate on workflow_version
    for each statement execute function log_everything_changed();
create trigger credential_truncated after truncate on credential for each statement execute function log_everything_changed();
create trigger fortanix_session_truncated after truncate on fortanix_session
    for each statement execute function log_everything_changed();
