-- A change notice names the table that changed, so that an instance empties only the cached reads that depend on it:
-- a version written does not make every request read its caller's credential again. Notices of one transaction with
-- the same table are still delivered once, at commit.
create or replace function announce_change() returns trigger language plpgsql as $$
begin
    perform pg_notify('workflow_versions_changed', tg_table_name);
    return null;
end;
$$;
