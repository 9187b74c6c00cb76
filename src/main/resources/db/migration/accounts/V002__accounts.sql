CREATE SCHEMA accounts;

-- Organisations form a tree: FEDERAL → POLICE_ZONE / MUNICIPALITY → PARTNER. "path" holds the ids from the root
-- down to the organisation itself ("/<root>/<child>/…/<self>/"), so "reaches the organisation and its descendants"
-- is a prefix test that an index serves.
CREATE TABLE accounts.organisation
(
    id                 UUID PRIMARY KEY,
    parent_id          UUID REFERENCES accounts.organisation (id),
    kind               TEXT        NOT NULL CHECK (kind IN ('FEDERAL', 'POLICE_ZONE', 'MUNICIPALITY', 'PARTNER')),
    path               TEXT        NOT NULL UNIQUE,
    name_nl            TEXT,
    name_fr            TEXT,
    name_de            TEXT,
    name_en            TEXT,
    official_languages TEXT[]      NOT NULL CHECK (cardinality(official_languages) > 0
        AND official_languages <@ ARRAY ['nl', 'fr', 'de']::TEXT[]),
    municipality_codes TEXT[]      NOT NULL DEFAULT '{}',
    postcodes          TEXT[]      NOT NULL DEFAULT '{}',
    contact_email      TEXT,
    contact_phone      TEXT,
    active             BOOLEAN     NOT NULL DEFAULT TRUE,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    version            INT         NOT NULL DEFAULT 0,
    CHECK ((kind = 'FEDERAL') = (parent_id IS NULL)),
    CHECK (coalesce(name_nl, name_fr, name_de, name_en) IS NOT NULL)
);
CREATE INDEX organisation_path_idx ON accounts.organisation (path text_pattern_ops);
CREATE INDEX organisation_parent_idx ON accounts.organisation (parent_id);

CREATE TABLE accounts.app_user
(
    id                 UUID PRIMARY KEY,
    home_organisation  UUID        NOT NULL REFERENCES accounts.organisation (id),
    email              TEXT        NOT NULL,
    display_name       TEXT        NOT NULL,
    language           TEXT        NOT NULL CHECK (language IN ('nl', 'fr', 'de', 'en')),
    password_hash      TEXT,
    active             BOOLEAN     NOT NULL DEFAULT TRUE,
    service_account    BOOLEAN     NOT NULL DEFAULT FALSE,
    failed_logins      INT         NOT NULL DEFAULT 0,
    locked_until       TIMESTAMPTZ,
    last_login_at      TIMESTAMPTZ,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    version            INT         NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX app_user_email_idx ON accounts.app_user (lower(email));

CREATE TABLE accounts.membership
(
    id              UUID PRIMARY KEY,
    user_id         UUID        NOT NULL REFERENCES accounts.app_user (id),
    organisation_id UUID        NOT NULL REFERENCES accounts.organisation (id),
    role            TEXT        NOT NULL CHECK (role IN ('ADMIN', 'COMMUNICATOR', 'APPROVER', 'MODERATOR', 'ANALYST', 'PARTNER')),
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (user_id, organisation_id, role)
);
CREATE INDEX membership_organisation_idx ON accounts.membership (organisation_id);

-- An invitation link carries a random nonce and an HMAC over (invitation, nonce, expiry); only the nonce's hash is
-- stored, and an invitation is used once.
CREATE TABLE accounts.invitation
(
    id          UUID PRIMARY KEY,
    user_id     UUID        NOT NULL REFERENCES accounts.app_user (id),
    nonce_hash  TEXT        NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX invitation_user_idx ON accounts.invitation (user_id);

-- Personal access tokens for the API: shown once, stored as a SHA-256 hash.
CREATE TABLE accounts.api_token
(
    id           UUID PRIMARY KEY,
    user_id      UUID        NOT NULL REFERENCES accounts.app_user (id),
    name         TEXT        NOT NULL,
    token_hash   TEXT        NOT NULL UNIQUE,
    hint         TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at   TIMESTAMPTZ,
    last_used_at TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ
);
CREATE INDEX api_token_user_idx ON accounts.api_token (user_id);
