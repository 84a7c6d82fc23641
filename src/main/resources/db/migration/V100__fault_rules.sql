-- Fault rules for test suites (admin API, /admin/v1/faults), kept here so that every instance sharing the database
-- applies the same ones. Each instance holds the rules in memory and reloads them when the change log names the
-- topic 'control:faults', which every change to this table writes.
create table fault_rule (
    id           uuid        primary key,
    dialect      text        not null,
    -- The rule as it was created (the admin API's FaultRuleRequest), answered back as it is.
    rule         jsonb       not null,
    -- How many more times it applies; null: every time. Taken one at a time, so several instances never apply a
    -- rule more often than its times.
    remaining    integer     check (remaining >= 0),
    expires_at   timestamptz,
    created_at   timestamptz not null default now(),
    -- Orders the rules: the oldest matching rule applies.
    seq          bigint      generated always as identity
);

create function log_control_change() returns trigger language plpgsql as $$
begin
    insert into change_log (topic) values (tg_argv[0]);
    return null;
end;
$$;

create trigger fault_rule_changed after insert or update or delete on fault_rule
    for each statement execute function log_control_change('control:faults');
create trigger fault_rule_truncated after truncate on fault_rule
    for each statement execute function log_control_change('control:faults');
