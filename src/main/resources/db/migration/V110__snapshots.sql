-- Snapshots for test suites (admin API, /admin/v1/snapshots): copies of the whole store or of one dialect's tenant,
-- kept in the database so that they survive restarts and every instance can restore them. Each row of a covered
-- table is kept as jsonb (to_jsonb of the row, every column), and restored with jsonb_populate_record into the same
-- table with its ids: a column added to one of these tables later comes back as long as it is nullable or the
-- restore names a value for it.
create table snapshot (
    id          uuid        primary key,
    -- Both null: the whole store.
    dialect     text,
    tenant      text,
    credentials boolean     not null,
    -- The whole store's sequences (name -> last value handed out, null when none was), put back by its restore.
    sequences   jsonb,
    counts      jsonb       not null,
    created_at  timestamptz not null default now(),
    seq         bigint      generated always as identity,
    constraint snapshot_scope check ((dialect is null) = (tenant is null))
);

create table snapshot_row (
    snapshot_id uuid   not null references snapshot (id) on delete cascade,
    -- The table, restored in the order of ordinal (parents first).
    ordinal     int    not null,
    table_name  text   not null,
    data        jsonb  not null
);

create index snapshot_row_by_snapshot on snapshot_row (snapshot_id, ordinal);
