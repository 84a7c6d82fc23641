-- The clocks test suites set (admin API, /admin/v1/clock): the service's (scope '') and tenants' own (scope
-- '<dialect>/<tenant>'). A clock is stopped at fixed_at, or real time shifted by offset_us microseconds. Kept here so
-- that every instance sharing the database follows it: each reloads them when the change log names 'control:clock'.
create table clock_setting (
    scope      text        primary key,
    dialect    text,
    tenant     text,
    fixed_at   timestamptz,
    offset_us  bigint      not null default 0,
    updated_at timestamptz not null default now(),
    constraint clock_setting_scope check ((scope = '') = (tenant is null))
);

create trigger clock_setting_changed after insert or update or delete on clock_setting
    for each statement execute function log_control_change('control:clock');
create trigger clock_setting_truncated after truncate on clock_setting
    for each statement execute function log_control_change('control:clock');
