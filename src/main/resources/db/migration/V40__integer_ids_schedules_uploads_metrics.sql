-- Integer public ids for dialects that show integer ids (workflow keys and version public ids). One store-wide
-- sequence: ids are unique across workflows and versions and never reused.
create sequence public_serial as bigint start with 1;

-- Cron schedules attached to a version. They go with their version.
create table version_schedule (
    id              bigint generated always as identity primary key,
    version_id      bigint      not null references workflow_version (id) on delete cascade,
    cron_expression text        not null,
    deployed_at     timestamptz,
    created_at      timestamptz not null,
    created_by      text,
    updated_at      timestamptz not null,
    updated_by      text
);

create index version_schedule_version_idx on version_schedule (version_id, id);

-- One row per upload of a version to a marketplace; repeat uploads are kept.
create table version_upload (
    id              bigint generated always as identity primary key,
    version_id      bigint      not null references workflow_version (id) on delete cascade,
    private_listing boolean     not null,
    uploaded_at     timestamptz not null,
    uploaded_by     text
);

create index version_upload_version_idx on version_upload (version_id, id);

-- Measurements of a version over an interval; written by operator tools, read by the dialects.
create table version_metric (
    id             bigint generated always as identity primary key,
    version_id     bigint           not null references workflow_version (id) on delete cascade,
    metric_key     text             not null,
    metric_type    text             not null,
    value          double precision not null,
    interval_start timestamptz      not null,
    interval_end   timestamptz      not null,
    constraint version_metric_interval_order check (interval_end >= interval_start)
);

create index version_metric_version_idx on version_metric (version_id, interval_start, id);
