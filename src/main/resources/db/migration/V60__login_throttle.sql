-- Failed password logins per user, kept in the database so that every instance sharing it applies one limit.
create table login_throttle (
    dialect       text        not null,
    username      text        not null,
    window_start  timestamptz not null,
    failures      integer     not null,
    blocked_until timestamptz,
    primary key (dialect, username)
);
