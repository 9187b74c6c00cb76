CREATE SCHEMA inbox;

-- Herald's own posts as they went live (from publishing's PostPublished): the thread context of reactions.
CREATE TABLE inbox.post_thread (
    account_id      uuid        NOT NULL,
    external_id     text        NOT NULL,
    delivery_id     uuid        NOT NULL,
    organisation_id uuid        NOT NULL,
    campaign_id     uuid,
    message_id      uuid,
    language        text        NOT NULL CHECK (language IN ('nl', 'fr', 'de', 'en')),
    text            text        NOT NULL,
    url             text,
    published_at    timestamptz NOT NULL,
    PRIMARY KEY (account_id, external_id)
);

-- Per organisation: the numbers quoted in emergency replies, the dispatch room's webhook, the police zone's tip
-- intake address and the secret of the organisation's generic signed webhook.
CREATE TABLE inbox.organisation_settings (
    organisation_id         uuid PRIMARY KEY,
    emergency_number        text    NOT NULL DEFAULT '112' CHECK (length(emergency_number) BETWEEN 2 AND 20),
    non_urgent_number       text    NOT NULL DEFAULT '101' CHECK (length(non_urgent_number) BETWEEN 2 AND 20),
    dispatch_webhook_url    text,
    dispatch_webhook_secret text,
    tip_intake_email        text,
    webhook_secret          text    NOT NULL,
    facebook_page_id        text UNIQUE,
    playbook_seeded         boolean NOT NULL DEFAULT false
);

CREATE TABLE inbox.item (
    id                   uuid PRIMARY KEY,
    organisation_id      uuid        NOT NULL,
    -- where it came from: 'account:<uuid>', 'facebook:<page id>', 'webhook:<organisation>', 'imap', 'contact'
    source               text        NOT NULL,
    account_id           uuid,
    channel              text        NOT NULL,
    platform_id          text        NOT NULL,
    kind                 text        NOT NULL CHECK (kind IN ('COMMENT', 'REPLY', 'MENTION', 'DIRECT_MESSAGE', 'EMAIL', 'CONTACT_FORM')),
    in_reply_to          text,
    author_handle        text        NOT NULL,
    author_email         text,
    text                 text        NOT NULL,
    url                  text,
    language             text        NOT NULL CHECK (language IN ('nl', 'fr', 'de', 'en')),
    received_at          timestamptz NOT NULL,
    category             text        NOT NULL CHECK (category IN ('EMERGENCY', 'TIP', 'QUESTION', 'COMPLAINT', 'PRAISE', 'ABUSE', 'SPAM', 'OTHER')),
    confidence           double precision NOT NULL CHECK (confidence BETWEEN 0 AND 1),
    model_version        integer     NOT NULL,
    needs_human          boolean     NOT NULL,
    status               text        NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'ANSWERED', 'RESOLVED', 'HIDDEN')),
    rule_id              uuid,
    assignee_user_id     uuid,
    assignee_team        text,
    proposed_reply       text,
    sla_due              timestamptz,
    sla_breach_alerted   boolean     NOT NULL DEFAULT false,
    escalated            boolean     NOT NULL DEFAULT false,
    hide_requested       boolean     NOT NULL DEFAULT false,
    forward_requested    boolean     NOT NULL DEFAULT false,
    -- side effects still to do after the commit (emergency reply, alerts, hide, forward): a durable queue
    actions_pending      boolean     NOT NULL DEFAULT false,
    actions_done_at      timestamptz,
    actions_attempts     integer     NOT NULL DEFAULT 0,
    actions_next_at      timestamptz,
    auto_replied_at      timestamptz,
    alerted_at           timestamptz,
    forwarded_at         timestamptz,
    hidden_on_platform   boolean,
    kept_on_purpose      boolean     NOT NULL DEFAULT false,
    keep_reason          text,
    anonymised_at        timestamptz,
    UNIQUE (source, platform_id),
    CHECK (NOT kept_on_purpose OR keep_reason IS NOT NULL)
);
CREATE INDEX item_inbox ON inbox.item (organisation_id, received_at DESC);
CREATE INDEX item_pending ON inbox.item (received_at) WHERE actions_pending;
CREATE INDEX item_sla ON inbox.item (sla_due) WHERE status = 'OPEN' AND NOT sla_breach_alerted AND sla_due IS NOT NULL;
CREATE INDEX item_retention ON inbox.item (received_at) WHERE anonymised_at IS NULL AND NOT kept_on_purpose;

-- What was sent back: automatic emergency replies and moderators' replies (the conversation).
CREATE TABLE inbox.reply (
    id          uuid PRIMARY KEY,
    item_id     uuid        NOT NULL REFERENCES inbox.item (id),
    text        text        NOT NULL,
    automatic   boolean     NOT NULL,
    outcome     text        NOT NULL CHECK (outcome IN ('SENT', 'FAILED', 'NOT_POSSIBLE')),
    external_id text,
    by_name     text        NOT NULL,
    sent_at     timestamptz NOT NULL
);
CREATE INDEX reply_item ON inbox.reply (item_id, sent_at);

CREATE TABLE inbox.note (
    id          uuid PRIMARY KEY,
    item_id     uuid        NOT NULL REFERENCES inbox.item (id),
    author_id   uuid,
    author_name text        NOT NULL,
    text        text        NOT NULL CHECK (length(text) BETWEEN 1 AND 5000),
    at          timestamptz NOT NULL
);
CREATE INDEX note_item ON inbox.note (item_id, at);

-- Moderators' re-categorisations: what the triage engineer retrains from (see README, Inbox).
CREATE TABLE inbox.correction (
    id            uuid PRIMARY KEY,
    item_id       uuid        NOT NULL REFERENCES inbox.item (id),
    text          text        NOT NULL,
    channel       text        NOT NULL,
    language      text        NOT NULL,
    from_category text        NOT NULL,
    to_category   text        NOT NULL CHECK (to_category IN ('EMERGENCY', 'TIP', 'QUESTION', 'COMPLAINT', 'PRAISE', 'ABUSE', 'SPAM', 'OTHER')),
    model_version integer     NOT NULL,
    corrected_by  uuid,
    corrected_at  timestamptz NOT NULL
);

-- Two moderators on the same item see each other; rows older than ~30 s are ignored.
CREATE TABLE inbox.presence (
    item_id   uuid        NOT NULL REFERENCES inbox.item (id),
    user_id   uuid        NOT NULL,
    user_name text        NOT NULL,
    seen_at   timestamptz NOT NULL,
    PRIMARY KEY (item_id, user_id)
);

-- Moderators who marked themselves on duty: they get the emergency alerts first.
CREATE TABLE inbox.on_duty (
    organisation_id uuid        NOT NULL,
    user_id         uuid        NOT NULL,
    since           timestamptz NOT NULL,
    PRIMARY KEY (organisation_id, user_id)
);

-- The playbook: ordered rules per organisation, the first match wins.
CREATE TABLE inbox.rule (
    id               uuid PRIMARY KEY,
    organisation_id  uuid    NOT NULL,
    position         integer NOT NULL,
    name             text    NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    categories       text[]  NOT NULL DEFAULT '{}',
    channels         text[]  NOT NULL DEFAULT '{}',
    keywords         text[]  NOT NULL DEFAULT '{}',
    languages        text[]  NOT NULL DEFAULT '{}',
    from_time        time,
    to_time          time,
    assign_team      text,
    assign_user_id   uuid,
    reply_nl         text,
    reply_fr         text,
    reply_de         text,
    reply_en         text,
    sla_minutes      integer CHECK (sla_minutes IS NULL OR sla_minutes > 0),
    sla_working_time boolean NOT NULL DEFAULT true,
    escalate         boolean NOT NULL DEFAULT false,
    hide             boolean NOT NULL DEFAULT false,
    forward_tip      boolean NOT NULL DEFAULT false,
    UNIQUE (organisation_id, position) DEFERRABLE INITIALLY DEFERRED,
    CHECK ((from_time IS NULL) = (to_time IS NULL))
);

-- Polling: one cursor per channel account, claimed by one node at a time.
CREATE TABLE inbox.poll_cursor (
    account_id    uuid PRIMARY KEY,
    cursor        text,
    claimed_until timestamptz,
    polled_at     timestamptz,
    last_error    text
);

-- Listening: keywords and hashtags searched on Mastodon and Bluesky.
CREATE TABLE inbox.watch (
    id              uuid PRIMARY KEY,
    organisation_id uuid    NOT NULL,
    query           text    NOT NULL CHECK (length(query) BETWEEN 2 AND 200),
    active          boolean NOT NULL DEFAULT true,
    claimed_until   timestamptz,
    UNIQUE (organisation_id, query)
);

CREATE TABLE inbox.watch_match (
    watch_id      uuid        NOT NULL REFERENCES inbox.watch (id) ON DELETE CASCADE,
    platform_id   text        NOT NULL,
    author_handle text        NOT NULL,
    text          text        NOT NULL,
    url           text,
    posted_at     timestamptz NOT NULL,
    found_at      timestamptz NOT NULL,
    anonymised_at timestamptz,
    PRIMARY KEY (watch_id, platform_id)
);
CREATE INDEX watch_match_day ON inbox.watch_match (watch_id, posted_at);

CREATE TABLE inbox.watch_alert (
    watch_id uuid             NOT NULL REFERENCES inbox.watch (id) ON DELETE CASCADE,
    day      date             NOT NULL,
    count    integer          NOT NULL,
    mean     double precision NOT NULL,
    sd       double precision NOT NULL,
    PRIMARY KEY (watch_id, day)
);

-- The public contact form's rate limit: only a keyed hash of the sender's address is kept, for a day.
CREATE TABLE inbox.contact_attempt (
    address_hash text        NOT NULL,
    at           timestamptz NOT NULL
);
CREATE INDEX contact_attempt_hash ON inbox.contact_attempt (address_hash, at);
