-- Fortanix CCM sessions. The bearer JWT names one of these rows; the selected account and the idle expiry live
-- here, so select_account, refresh and terminate act on every instance at once without changing the token.
create table fortanix_session (
    id               uuid        primary key,
    credential_id    uuid        not null references credential (id) on delete cascade,
    selected_account text,
    created_at       timestamptz not null,
    expires_at       timestamptz not null,
    token_expires_at timestamptz not null,
    ended_at         timestamptz
);

create index fortanix_session_credential_idx on fortanix_session (credential_id);
create index fortanix_session_expiry_idx on fortanix_session (expires_at);
