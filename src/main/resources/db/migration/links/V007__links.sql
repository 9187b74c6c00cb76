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
    -- the campaign parameters added on the redirect, rendered from the organisation's template at creation
    utm_query       text NOT NULL,
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

-- An organisation's campaign-parameter template; placeholders {channel}, {medium}, {campaign}, {content}; an
-- empty value leaves the parameter out. Without a row the defaults apply.
CREATE TABLE links.utm_template (
    organisation_id uuid PRIMARY KEY,
    utm_source      text NOT NULL CHECK (length(utm_source) <= 100),
    utm_medium      text NOT NULL CHECK (length(utm_medium) <= 100),
    utm_campaign    text NOT NULL CHECK (length(utm_campaign) <= 100),
    utm_content     text NOT NULL CHECK (length(utm_content) <= 100)
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

-- Roll-ups, so that reading statistics costs the same whatever the raw volume. The hourly roll-up covers complete
-- hours, the daily one complete days (Brussels time); unique visitors are per day since the salt rotates daily.
CREATE TABLE links.click_hourly (
    code     text NOT NULL,
    hour     timestamptz NOT NULL,
    clicks   bigint NOT NULL CHECK (clicks >= 0),
    previews bigint NOT NULL CHECK (previews >= 0),
    PRIMARY KEY (code, hour)
);

CREATE TABLE links.click_daily (
    code            text NOT NULL,
    day             date NOT NULL,
    clicks          bigint NOT NULL CHECK (clicks >= 0),
    previews        bigint NOT NULL CHECK (previews >= 0),
    unique_visitors bigint NOT NULL CHECK (unique_visitors >= 0),
    PRIMARY KEY (code, day)
);

-- Everything before hourly_until / daily_until is in the roll-ups; daily_until is always a Brussels midnight.
CREATE TABLE links.rollup_state (
    id           boolean PRIMARY KEY DEFAULT true CHECK (id),
    hourly_until timestamptz NOT NULL,
    daily_until  timestamptz NOT NULL
);
INSERT INTO links.rollup_state (hourly_until, daily_until)
VALUES ('2000-01-01 00:00:00+00', '2000-01-01 00:00:00 Europe/Brussels');
