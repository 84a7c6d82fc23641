-- The shared version store. Every dialect keeps its workflows and versions here; the columns that only one
-- dialect needs live in the jsonb attributes.

create table workflow (
    id              bigint generated always as identity primary key,
    dialect         text        not null,
    tenant          text        not null,
    sub_tenant      text        not null default '',
    kind            text        not null default 'workflow',
    external_key    text        not null,
    name            text        not null,
    description     text,
    attributes      jsonb       not null default '{}'::jsonb,
    -- Last version number handed out; only ever raised with UPDATE ... RETURNING, in the inserting transaction.
    version_counter bigint      not null default 0,
    -- Optimistic concurrency token for dialects that expose one (Fortanix draft revisions).
    revision        bigint      not null default 1,
    created_at      timestamptz not null,
    created_by      text,
    updated_at      timestamptz not null,
    updated_by      text,
    constraint workflow_external_key_unique unique (dialect, tenant, sub_tenant, kind, external_key)
);

create index workflow_scope_idx on workflow (dialect, tenant, sub_tenant, kind, id);

create table workflow_version (
    id              bigint generated always as identity primary key,
    workflow_id     bigint      not null references workflow (id) on delete cascade,
    public_id       text        not null,
    number          bigint,
    label           text,
    state           text        not null,
    -- Equal to state while the state is one a workflow may hold only once (activated, deployed, draft...), else null.
    exclusive_state text,
    content         jsonb       not null,
    attributes      jsonb       not null default '{}'::jsonb,
    created_at      timestamptz not null,
    created_by      text,
    updated_at      timestamptz not null,
    updated_by      text,
    deployed_at     timestamptz,
    constraint workflow_version_public_id_unique unique (public_id),
    constraint workflow_version_number_unique unique (workflow_id, number),
    -- NULLs are distinct, so this allows any number of non-exclusive versions and at most one per exclusive state.
    -- Deferred so that a transaction may hand the state from one version to another in any statement order.
    constraint workflow_version_exclusive_unique unique (workflow_id, exclusive_state) deferrable initially deferred
);

create index workflow_version_workflow_idx on workflow_version (workflow_id, id);

create table credential (
    id            uuid        primary key,
    dialect       text        not null,
    type          text        not null,
    username      text,
    access_key    text,
    -- bcrypt for passwords, HMAC-SHA-256 for API keys: neither can be turned back into the secret.
    secret_hash   text,
    -- Secret keys for request signing must be usable to compute signatures, so they are kept encrypted with
    -- a key that lives outside the database.
    secret_sealed text,
    tenant        text        not null,
    sub_tenant    text,
    role          text        not null,
    display_name  text,
    created_at    timestamptz not null
);

create unique index credential_username_unique on credential (dialect, lower(username)) where username is not null;
create unique index credential_access_key_unique on credential (dialect, access_key) where access_key is not null;
create unique index credential_api_key_unique on credential (dialect, secret_hash) where type = 'api_key';
