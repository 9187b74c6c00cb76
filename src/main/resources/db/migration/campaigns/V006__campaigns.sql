CREATE SCHEMA campaigns;

-- Themes of prevention campaigns; editable, seeded with the common ones.
CREATE TABLE campaigns.theme
(
    id      UUID PRIMARY KEY,
    key     TEXT    NOT NULL UNIQUE CHECK (key ~ '^[a-z0-9_]+$'),
    name_nl TEXT    NOT NULL,
    name_fr TEXT    NOT NULL,
    name_de TEXT    NOT NULL,
    name_en TEXT    NOT NULL,
    active  BOOLEAN NOT NULL DEFAULT TRUE
);
INSERT INTO campaigns.theme (id, key, name_nl, name_fr, name_de, name_en)
VALUES (gen_random_uuid(), 'burglary', 'Woninginbraak', 'Cambriolage', 'Einbruch', 'Burglary'),
       (gen_random_uuid(), 'bike_theft', 'Fietsdiefstal', 'Vol de vélos', 'Fahrraddiebstahl', 'Bike theft'),
       (gen_random_uuid(), 'fraud', 'Telefoon- en internetfraude', 'Fraude par téléphone et en ligne',
        'Telefon- und Internetbetrug', 'Phone and online fraud'),
       (gen_random_uuid(), 'vehicle_crime', 'Voertuigcriminaliteit', 'Criminalité liée aux véhicules',
        'Fahrzeugkriminalität', 'Vehicle crime'),
       (gen_random_uuid(), 'pickpocketing', 'Gauwdiefstal', 'Vol à la tire', 'Taschendiebstahl', 'Pickpocketing'),
       (gen_random_uuid(), 'nightlife', 'Veilig uitgaan', 'Sortir en sécurité', 'Sicher ausgehen', 'Nightlife safety');

-- A campaign belongs to one organisation (accounts module; no foreign key across modules) and targets areas
-- (NIS codes) and audiences (audiences module ids) over a period.
CREATE TABLE campaigns.campaign
(
    id              UUID PRIMARY KEY,
    organisation_id UUID        NOT NULL,
    title           TEXT        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    theme_id        UUID        NOT NULL REFERENCES campaigns.theme (id),
    objective       TEXT        NOT NULL DEFAULT '',
    target_metric   TEXT,
    target_value    NUMERIC(14, 2),
    starts_on       DATE        NOT NULL,
    ends_on         DATE        NOT NULL,
    budget_cents    BIGINT      NOT NULL DEFAULT 0 CHECK (budget_cents >= 0),
    created_by      UUID        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    version         INT         NOT NULL DEFAULT 0,
    CHECK (ends_on >= starts_on)
);
CREATE INDEX campaign_organisation_idx ON campaigns.campaign (organisation_id);

CREATE TABLE campaigns.campaign_area
(
    campaign_id UUID NOT NULL REFERENCES campaigns.campaign (id) ON DELETE CASCADE,
    nis_code    TEXT NOT NULL CHECK (nis_code ~ '^[0-9]{5}$'),
    PRIMARY KEY (campaign_id, nis_code)
);
CREATE INDEX campaign_area_code_idx ON campaigns.campaign_area (nis_code);

CREATE TABLE campaigns.campaign_audience
(
    campaign_id UUID NOT NULL REFERENCES campaigns.campaign (id) ON DELETE CASCADE,
    audience_id UUID NOT NULL,
    PRIMARY KEY (campaign_id, audience_id)
);
CREATE INDEX campaign_audience_idx ON campaigns.campaign_audience (audience_id);

CREATE TABLE campaigns.campaign_channel
(
    campaign_id UUID NOT NULL REFERENCES campaigns.campaign (id) ON DELETE CASCADE,
    channel     TEXT NOT NULL,
    PRIMARY KEY (campaign_id, channel)
);

-- Who spent how many hours on what: the cost side of cost/benefit.
CREATE TABLE campaigns.effort
(
    id          UUID PRIMARY KEY,
    campaign_id UUID          NOT NULL REFERENCES campaigns.campaign (id),
    user_id     UUID          NOT NULL,
    user_name   TEXT          NOT NULL,
    worked_on   DATE          NOT NULL,
    hours       NUMERIC(5, 2) NOT NULL CHECK (hours > 0 AND hours <= 24),
    activity    TEXT          NOT NULL CHECK (length(activity) BETWEEN 1 AND 500),
    created_at  TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX effort_campaign_idx ON campaigns.effort (campaign_id);

-- A message: a master text, variants per (channel, language), and its approval state.
CREATE TABLE campaigns.message
(
    id                UUID PRIMARY KEY,
    campaign_id       UUID        NOT NULL REFERENCES campaigns.campaign (id),
    title             TEXT        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    master_text       TEXT        NOT NULL DEFAULT '',
    status            TEXT        NOT NULL CHECK (status IN ('DRAFT', 'IN_REVIEW', 'CHANGES_REQUESTED', 'APPROVED', 'SCHEDULED')),
    author_id         UUID        NOT NULL,
    author_name       TEXT        NOT NULL,
    approver_id       UUID,
    approved_at       TIMESTAMPTZ,
    scheduled_at      TIMESTAMPTZ,
    template          BOOLEAN     NOT NULL DEFAULT FALSE,
    template_id       UUID REFERENCES campaigns.message (id),
    template_revision INT,
    reshare_of        UUID REFERENCES campaigns.message (id),
    revision          INT         NOT NULL DEFAULT 1,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    version           INT         NOT NULL DEFAULT 0,
    CHECK ((status = 'SCHEDULED') = (scheduled_at IS NOT NULL))
);
CREATE INDEX message_campaign_idx ON campaigns.message (campaign_id);
CREATE INDEX message_scheduled_idx ON campaigns.message (scheduled_at) WHERE scheduled_at IS NOT NULL;
CREATE INDEX message_template_idx ON campaigns.message (template_id);

CREATE TABLE campaigns.variant
(
    id         UUID PRIMARY KEY,
    message_id UUID        NOT NULL REFERENCES campaigns.message (id) ON DELETE CASCADE,
    channel    TEXT        NOT NULL,
    language   TEXT        NOT NULL CHECK (language IN ('nl', 'fr', 'de', 'en')),
    body       TEXT        NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    version    INT         NOT NULL DEFAULT 0,
    UNIQUE (message_id, channel, language)
);

-- Images and videos of a variant, with what makes them accessible.
CREATE TABLE campaigns.variant_media
(
    id          UUID PRIMARY KEY,
    variant_id  UUID    NOT NULL REFERENCES campaigns.variant (id) ON DELETE CASCADE,
    kind        TEXT    NOT NULL CHECK (kind IN ('IMAGE', 'VIDEO')),
    name        TEXT    NOT NULL,
    alt_text    TEXT,
    captioned   BOOLEAN NOT NULL DEFAULT FALSE,
    position    INT     NOT NULL DEFAULT 0
);

CREATE TABLE campaigns.comment
(
    id          UUID PRIMARY KEY,
    message_id  UUID        NOT NULL REFERENCES campaigns.message (id) ON DELETE CASCADE,
    author_id   UUID        NOT NULL,
    author_name TEXT        NOT NULL,
    body        TEXT        NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX comment_message_idx ON campaigns.comment (message_id, created_at);

-- Fatigue budget: at most max_messages prevention messages per period to the same audience in the same area,
-- counted across every organisation. A cap with no audience applies to every audience.
CREATE TABLE campaigns.fatigue_cap
(
    id           UUID PRIMARY KEY,
    audience_id  UUID UNIQUE,
    max_messages INT  NOT NULL CHECK (max_messages > 0),
    period       TEXT NOT NULL CHECK (period IN ('WEEK', 'MONTH'))
);
INSERT INTO campaigns.fatigue_cap (id, audience_id, max_messages, period)
VALUES (gen_random_uuid(), NULL, 3, 'WEEK');

-- An approver scheduled beyond a cap, with a written reason.
CREATE TABLE campaigns.fatigue_override
(
    id          UUID PRIMARY KEY,
    message_id  UUID        NOT NULL REFERENCES campaigns.message (id),
    approver_id UUID        NOT NULL,
    reason      TEXT        NOT NULL CHECK (length(reason) BETWEEN 10 AND 2000),
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
