CREATE SCHEMA links;

-- A tracked short link: /l/{code} redirects to target with campaign parameters added.
CREATE TABLE links.link (
    code            text PRIMARY KEY CHECK (code ~ '^[0-9A-Za-z]{8}$'),
    campaign_id     uuid NOT NULL,
    organisation_id uuid NOT NULL,
    campaign_title  text NOT NULL,
    channel         text NOT NULL,
    variant_id      uuid,
    location        text CHECK (location IS NULL OR length(location) BETWEEN 1 AND 100),
    target          text NOT NULL CHECK (target ~ '^https?://'),
    created_by      uuid NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX link_campaign ON links.link (campaign_id);

-- Domains an organisation may send links to (besides Herald's own host).
CREATE TABLE links.allowed_domain (
    organisation_id uuid NOT NULL,
    domain          text NOT NULL CHECK (domain ~ '^[a-z0-9.-]+$'),
    PRIMARY KEY (organisation_id, domain)
);

-- The daily-rotating random salt of the visitor hash; old salts are deleted, so old hashes cannot be recomputed.
CREATE TABLE links.salt (
    day  date PRIMARY KEY,
    salt bytea NOT NULL CHECK (length(salt) = 32)
);

-- Raw clicks and previews, partitioned by month (partitions are created ahead by the application).
-- No IP address: visitor is SHA-256(salt of the day, address, user agent).
CREATE TABLE links.click (
    code    text NOT NULL,
    at      timestamptz NOT NULL,
    preview boolean NOT NULL,
    visitor bytea NOT NULL CHECK (length(visitor) = 32)
) PARTITION BY RANGE (at);
CREATE INDEX click_code_at ON links.click (code, at);
