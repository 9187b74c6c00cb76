CREATE SCHEMA channels;

-- A channel account an organisation connected. Non-secret settings are plain JSON; the secrets (tokens, passwords,
-- signing secrets) are one AES-256-GCM sealed JSON object (version byte, 96-bit nonce, ciphertext + tag) with the
-- account id as associated data, under a key derived from HERALD_SECRET_KEY.
CREATE TABLE channels.account (
    id                   uuid PRIMARY KEY,
    organisation_id      uuid NOT NULL,
    type                 text NOT NULL CHECK (type IN ('MASTODON', 'BLUESKY', 'X', 'FACEBOOK', 'YOUTUBE', 'TELEGRAM',
                                                      'WEBHOOK', 'PRESS', 'FEED')),
    name                 text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    status               text NOT NULL CHECK (status IN ('ACTIVE', 'NEEDS_RECONNECTING', 'DISABLED')),
    handle               text CHECK (handle IS NULL OR length(handle) <= 300),
    profile_url          text CHECK (profile_url IS NULL OR length(profile_url) <= 2000),
    settings             jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(settings) = 'object'),
    secrets              bytea,
    last_success_at      timestamptz,
    last_error_at        timestamptz,
    last_error           text CHECK (last_error IS NULL OR length(last_error) <= 2000),
    last_checked_at      timestamptz,
    token_expires_at     timestamptz,
    rate_limit_remaining bigint CHECK (rate_limit_remaining IS NULL OR rate_limit_remaining >= 0),
    rate_limit_reset_at  timestamptz,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    version              integer NOT NULL DEFAULT 0,
    UNIQUE (organisation_id, name)
);
CREATE INDEX account_organisation ON channels.account (organisation_id);
CREATE INDEX account_active_type ON channels.account (type) WHERE status = 'ACTIVE';

-- An expiring token is announced once per (account, expiry date): a refreshed token with a new date is announced again.
CREATE TABLE channels.expiry_notice (
    account_id  uuid NOT NULL REFERENCES channels.account (id) ON DELETE CASCADE,
    expires_on  date NOT NULL,
    notified_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, expires_on)
);

-- Daily jobs claimed by one node: the first INSERT wins, the others skip.
CREATE TABLE channels.job_claim (
    job        text NOT NULL,
    day        date NOT NULL,
    claimed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (job, day)
);

-- FEED accounts: what was published, served as RSS and Atom per organisation (public).
CREATE TABLE channels.feed_entry (
    id              uuid PRIMARY KEY,
    account_id      uuid NOT NULL REFERENCES channels.account (id) ON DELETE CASCADE,
    organisation_id uuid NOT NULL,
    idempotency_key text NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 200),
    title           text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
    text            text NOT NULL,
    link            text CHECK (link IS NULL OR link ~ '^https?://'),
    language        text NOT NULL CHECK (language IN ('nl', 'fr', 'de', 'en')),
    theme           text,
    audiences       text[] NOT NULL DEFAULT '{}',
    published_at    timestamptz NOT NULL,
    removed_at      timestamptz,
    UNIQUE (account_id, idempotency_key)
);
CREATE INDEX feed_entry_organisation ON channels.feed_entry (organisation_id, published_at DESC);

-- PRESS accounts: one row per (post, contact), so a retry re-sends only to contacts whose email failed.
CREATE TABLE channels.press_send (
    account_id      uuid NOT NULL REFERENCES channels.account (id) ON DELETE CASCADE,
    idempotency_key text NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 200),
    contact_email   text NOT NULL,
    status          text NOT NULL CHECK (status IN ('SENT', 'FAILED')),
    attempts        integer NOT NULL CHECK (attempts >= 1),
    last_at         timestamptz NOT NULL,
    PRIMARY KEY (account_id, idempotency_key, contact_email)
);
