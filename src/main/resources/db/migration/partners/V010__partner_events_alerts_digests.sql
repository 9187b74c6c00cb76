-- Partner events with registrations and a personal iCal feed, urgent partner alerts with their delivery per
-- recipient, and email digests (a setting per user and a log that claims each period once).

-- An event (training, information session, prevention market), shared like a toolbox resource: with chosen groups, or
-- with every group of the owning organisation and its descendants (all_groups). Times are instants; pages show them in
-- Europe/Brussels.
CREATE TABLE partners.event
(
    id              UUID PRIMARY KEY,
    organisation_id UUID        NOT NULL,
    kind            TEXT        NOT NULL CHECK (kind IN ('TRAINING', 'INFORMATION_SESSION', 'PREVENTION_MARKET')),
    title           TEXT        NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 200),
    description     TEXT        NOT NULL DEFAULT '' CHECK (length(description) <= 5000),
    place           TEXT        NOT NULL CHECK (length(trim(place)) BETWEEN 1 AND 300),
    starts_at       TIMESTAMPTZ NOT NULL,
    ends_at         TIMESTAMPTZ NOT NULL,
    capacity        INT         NOT NULL CHECK (capacity BETWEEN 1 AND 10000),
    language        TEXT        NOT NULL CHECK (language IN ('nl', 'fr', 'de', 'en')),
    all_groups      BOOLEAN     NOT NULL DEFAULT FALSE,
    created_by      UUID,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (ends_at > starts_at)
);
CREATE INDEX event_starts_idx ON partners.event (starts_at);
CREATE INDEX event_organisation_idx ON partners.event (organisation_id);

CREATE TABLE partners.event_share
(
    event_id UUID NOT NULL REFERENCES partners.event (id) ON DELETE CASCADE,
    group_id UUID NOT NULL REFERENCES partners.partner_group (id) ON DELETE CASCADE,
    PRIMARY KEY (event_id, group_id)
);
CREATE INDEX event_share_group_idx ON partners.event_share (group_id);

-- One row per registered person; the capacity is enforced under a lock of the event's row.
CREATE TABLE partners.event_registration
(
    event_id      UUID        NOT NULL REFERENCES partners.event (id) ON DELETE CASCADE,
    user_id       UUID        NOT NULL,
    registered_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (event_id, user_id)
);
CREATE INDEX event_registration_user_idx ON partners.event_registration (user_id);

-- A user's secret calendar feed: only the SHA-256 of the random token is kept; a new one replaces the old.
CREATE TABLE partners.calendar_feed
(
    user_id    UUID PRIMARY KEY,
    token_hash TEXT        NOT NULL UNIQUE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- An urgent alert to groups: emailed to their coordinators at once, pinned in the portal until it expires or is
-- unpinned.
CREATE TABLE partners.alert
(
    id              UUID PRIMARY KEY,
    organisation_id UUID        NOT NULL,
    title           TEXT        NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 200),
    body            TEXT        NOT NULL CHECK (length(trim(body)) BETWEEN 1 AND 5000),
    language        TEXT        NOT NULL CHECK (language IN ('nl', 'fr', 'de', 'en')),
    sent_by         UUID,
    sent_by_name    TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at      TIMESTAMPTZ NOT NULL,
    unpinned_at     TIMESTAMPTZ,
    CHECK (expires_at > created_at)
);

CREATE TABLE partners.alert_share
(
    alert_id UUID NOT NULL REFERENCES partners.alert (id) ON DELETE CASCADE,
    group_id UUID NOT NULL REFERENCES partners.partner_group (id) ON DELETE CASCADE,
    PRIMARY KEY (alert_id, group_id)
);
CREATE INDEX alert_share_group_idx ON partners.alert_share (group_id);

-- What happened to the alert's email for each coordinator (PENDING until the first attempt after commit).
CREATE TABLE partners.alert_delivery
(
    alert_id     UUID        NOT NULL REFERENCES partners.alert (id) ON DELETE CASCADE,
    user_id      UUID        NOT NULL,
    display_name TEXT        NOT NULL,
    email        TEXT        NOT NULL,
    status       TEXT        NOT NULL CHECK (status IN ('PENDING', 'SENT', 'FAILED', 'NOT_CONFIGURED')),
    attempts     INT         NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    attempted_at TIMESTAMPTZ,
    PRIMARY KEY (alert_id, user_id)
);

-- How often a user wants the digest, and where it goes (the address they were added to a group with).
CREATE TABLE partners.digest_setting
(
    user_id    UUID PRIMARY KEY,
    frequency  TEXT        NOT NULL CHECK (frequency IN ('NONE', 'DAILY', 'WEEKLY')),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- A digest period is claimed here before anything is sent: a second node (or a second run) finds the row and skips.
CREATE TABLE partners.digest_sent
(
    user_id    UUID        NOT NULL,
    period     TEXT        NOT NULL CHECK (period ~ '^(DAILY|WEEKLY):'),
    status     TEXT        NOT NULL CHECK (status IN ('CLAIMED', 'SENT', 'EMPTY', 'FAILED', 'NOT_CONFIGURED')),
    items      INT         NOT NULL DEFAULT 0,
    claimed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, period)
);
