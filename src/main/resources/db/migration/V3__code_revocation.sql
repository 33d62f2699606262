-- Codes withdrawn before they expire (e.g. a resident renews their 医保码). Keyed by a hash of the token.
create table revoked_code (
    token_hash bytea primary key,
    revoked_at timestamptz not null,
    expires_at timestamptz not null
);
