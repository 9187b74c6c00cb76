CREATE SCHEMA audiences;

-- The catalogue of target audiences. The seven of the prevention workshop are reference data, seeded below in every
-- mode with fixed ids; administrators add, rename and deactivate audiences, never delete them (campaigns refer to them).
CREATE TABLE audiences.audience
(
    id       UUID PRIMARY KEY,
    key      TEXT    NOT NULL UNIQUE CHECK (key ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(key) <= 60),
    name_nl  TEXT    NOT NULL CHECK (length(btrim(name_nl)) BETWEEN 1 AND 100),
    name_fr  TEXT    NOT NULL CHECK (length(btrim(name_fr)) BETWEEN 1 AND 100),
    name_de  TEXT    NOT NULL CHECK (length(btrim(name_de)) BETWEEN 1 AND 100),
    name_en  TEXT    NOT NULL CHECK (length(btrim(name_en)) BETWEEN 1 AND 100),
    position INT     NOT NULL,
    active   BOOLEAN NOT NULL DEFAULT TRUE,
    version  INT     NOT NULL DEFAULT 0
);

-- The audience × channel matrix: how well a channel reaches an audience, and why. A seeded reason is a message key
-- (so it reads in every language and improves with a release); a reason an administrator wrote is kept in all four
-- languages. Channels are eu.herald.common.Channel names; that enum may grow, so only their form is checked.
CREATE TABLE audiences.channel_advice
(
    audience_id UUID NOT NULL REFERENCES audiences.audience (id),
    channel     TEXT NOT NULL CHECK (channel ~ '^[A-Z][A-Z_]*$'),
    suitability TEXT NOT NULL CHECK (suitability IN ('GOOD', 'LIMITED', 'POOR')),
    reason_key  TEXT CHECK (reason_key ~ '^audiences\.reason\.[a-zA-Z.]+$'),
    reason_nl   TEXT CHECK (length(reason_nl) <= 400),
    reason_fr   TEXT CHECK (length(reason_fr) <= 400),
    reason_de   TEXT CHECK (length(reason_de) <= 400),
    reason_en   TEXT CHECK (length(reason_en) <= 400),
    version     INT  NOT NULL DEFAULT 0,
    PRIMARY KEY (audience_id, channel),
    CHECK (reason_key IS NOT NULL OR
           (reason_nl IS NOT NULL AND reason_fr IS NOT NULL AND reason_de IS NOT NULL AND reason_en IS NOT NULL))
);

-- Belgian municipalities, from the official list an administrator imports. An area missing from a newer list is
-- retired, never deleted: campaigns may refer to it.
CREATE TABLE audiences.area
(
    nis_code           TEXT PRIMARY KEY CHECK (nis_code ~ '^[1-9][0-9]{4}$'),
    name_nl            TEXT CHECK (length(btrim(name_nl)) BETWEEN 1 AND 100),
    name_fr            TEXT CHECK (length(btrim(name_fr)) BETWEEN 1 AND 100),
    name_de            TEXT CHECK (length(btrim(name_de)) BETWEEN 1 AND 100),
    region             TEXT        NOT NULL CHECK (region IN ('BRUSSELS', 'FLANDERS', 'WALLONIA')),
    official_languages TEXT[]      NOT NULL CHECK (cardinality(official_languages) >= 1
        AND official_languages <@ ARRAY ['nl', 'fr', 'de']),
    postcodes          TEXT[]      NOT NULL CHECK (cardinality(postcodes) >= 1
        AND array_to_string(postcodes, ',') ~ '^[1-9][0-9]{3}(,[1-9][0-9]{3})*$'),
    -- names, NIS code and postcodes in lower case without accents, for searching
    search_text        TEXT        NOT NULL,
    retired_at         TIMESTAMPTZ,
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (COALESCE(name_nl, name_fr, name_de) IS NOT NULL)
);

-- One row: the revision of the area list, raised by every change. An import is applied only onto the revision its
-- report was made from, and the row lock serialises imports.
CREATE TABLE audiences.area_list
(
    singleton BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (singleton),
    revision  BIGINT NOT NULL CHECK (revision >= 0)
);
INSERT INTO audiences.area_list (singleton, revision)
VALUES (TRUE, 0);

-- Uploaded lists: held while the administrator reads the report, then applied or discarded. Users are accounts'
-- user ids, kept without a foreign key (another module's table).
CREATE TABLE audiences.area_import
(
    id          UUID PRIMARY KEY,
    file_name   TEXT        NOT NULL CHECK (length(file_name) <= 255),
    content     TEXT,
    status      TEXT        NOT NULL CHECK (status IN ('PENDING', 'APPLIED', 'DISCARDED')),
    uploaded_by UUID,
    uploaded_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    decided_by  UUID,
    decided_at  TIMESTAMPTZ,
    summary     JSONB       NOT NULL DEFAULT '{}',
    CHECK ((status = 'PENDING') = (decided_at IS NULL)),
    CHECK (status <> 'PENDING' OR content IS NOT NULL)
);
CREATE INDEX area_import_uploaded_idx ON audiences.area_import (uploaded_at DESC);

-- Languages an organisation adds to those of its areas (e.g. English). Organisation ids are accounts' ids, kept
-- without a foreign key (another module's table).
CREATE TABLE audiences.organisation_language
(
    organisation_id UUID NOT NULL,
    language        TEXT NOT NULL CHECK (language IN ('nl', 'fr', 'de', 'en')),
    PRIMARY KEY (organisation_id, language)
);

-- The workshop's target audiences.
INSERT INTO audiences.audience (id, key, name_nl, name_fr, name_de, name_en, position)
VALUES ('6a0d7f3e-0b1c-4c55-9b1e-000000000001', 'all-residents', 'Alle inwoners', 'Tous les habitants',
        'Alle Einwohner', 'All residents', 10),
       ('6a0d7f3e-0b1c-4c55-9b1e-000000000002', 'young-people', 'Jongeren (15–24)', 'Jeunes (15–24 ans)',
        'Jugendliche (15–24)', 'Young people (15–24)', 20),
       ('6a0d7f3e-0b1c-4c55-9b1e-000000000003', 'parents', 'Ouders', 'Parents', 'Eltern', 'Parents', 30),
       ('6a0d7f3e-0b1c-4c55-9b1e-000000000004', 'older-residents', 'Ouderen (65+)', 'Aînés (65+)',
        'Senioren (65+)', 'Older residents (65+)', 40),
       ('6a0d7f3e-0b1c-4c55-9b1e-000000000005', 'shopkeepers', 'Handelaars', 'Commerçants', 'Geschäftsleute',
        'Shopkeepers', 50),
       ('6a0d7f3e-0b1c-4c55-9b1e-000000000006', 'students', 'Studenten', 'Étudiants', 'Studierende', 'Students', 60),
       ('6a0d7f3e-0b1c-4c55-9b1e-000000000007', 'partners', 'Veiligheids- en preventiepartners',
        'Partenaires de sécurité et de prévention', 'Sicherheits- und Präventionspartner',
        'Security and prevention partners', 70);

-- The matrix as the workshop's "type of social media per target audience" and its conclusions have it: Facebook for
-- a wide audience (links and clips), YouTube clips, X for a younger audience and to announce events (too short for a
-- prevention message), TV/teletext and posters for those not on social media, and for partners less social media,
-- closed communication, email preferred. The reasons are message keys (messages/audiences_*.properties).
INSERT INTO audiences.channel_advice (audience_id, channel, suitability, reason_key)
SELECT a.id, m.channel, m.suitability, 'audiences.reason.' || m.reason
FROM (VALUES ('all-residents', 'X', 'LIMITED', 'x.events'),
             ('all-residents', 'MASTODON', 'LIMITED', 'social.newer'),
             ('all-residents', 'BLUESKY', 'LIMITED', 'social.newer'),
             ('all-residents', 'FACEBOOK', 'GOOD', 'facebook.wide'),
             ('all-residents', 'INSTAGRAM', 'LIMITED', 'instagram.limited'),
             ('all-residents', 'YOUTUBE', 'GOOD', 'youtube.clips'),
             ('all-residents', 'TELEGRAM', 'LIMITED', 'messaging.groups'),
             ('all-residents', 'WHATSAPP', 'LIMITED', 'messaging.groups'),
             ('all-residents', 'EMAIL', 'LIMITED', 'email.newsletter'),
             ('all-residents', 'WEBSITE', 'GOOD', 'website.page'),
             ('all-residents', 'POSTER', 'GOOD', 'poster.notOnSocial'),
             ('all-residents', 'PRESS', 'GOOD', 'press.notOnSocial'),

             ('young-people', 'X', 'GOOD', 'x.young'),
             ('young-people', 'MASTODON', 'LIMITED', 'social.newer'),
             ('young-people', 'BLUESKY', 'LIMITED', 'social.newer'),
             ('young-people', 'FACEBOOK', 'LIMITED', 'facebook.young'),
             ('young-people', 'INSTAGRAM', 'GOOD', 'instagram.visual'),
             ('young-people', 'YOUTUBE', 'GOOD', 'youtube.clips'),
             ('young-people', 'TELEGRAM', 'LIMITED', 'messaging.groups'),
             ('young-people', 'WHATSAPP', 'LIMITED', 'messaging.groups'),
             ('young-people', 'EMAIL', 'POOR', 'email.young'),
             ('young-people', 'WEBSITE', 'LIMITED', 'website.viaPosts'),
             ('young-people', 'POSTER', 'LIMITED', 'poster.young'),
             ('young-people', 'PRESS', 'POOR', 'press.young'),

             ('parents', 'X', 'LIMITED', 'x.events'),
             ('parents', 'MASTODON', 'LIMITED', 'social.newer'),
             ('parents', 'BLUESKY', 'LIMITED', 'social.newer'),
             ('parents', 'FACEBOOK', 'GOOD', 'facebook.wide'),
             ('parents', 'INSTAGRAM', 'LIMITED', 'instagram.limited'),
             ('parents', 'YOUTUBE', 'GOOD', 'youtube.clips'),
             ('parents', 'TELEGRAM', 'LIMITED', 'messaging.groups'),
             ('parents', 'WHATSAPP', 'LIMITED', 'messaging.groups'),
             ('parents', 'EMAIL', 'GOOD', 'email.school'),
             ('parents', 'WEBSITE', 'GOOD', 'website.page'),
             ('parents', 'POSTER', 'GOOD', 'poster.notOnSocial'),
             ('parents', 'PRESS', 'LIMITED', 'press.limited'),

             ('older-residents', 'X', 'POOR', 'x.older'),
             ('older-residents', 'MASTODON', 'POOR', 'social.older'),
             ('older-residents', 'BLUESKY', 'POOR', 'social.older'),
             ('older-residents', 'FACEBOOK', 'LIMITED', 'facebook.someOlder'),
             ('older-residents', 'INSTAGRAM', 'POOR', 'social.older'),
             ('older-residents', 'YOUTUBE', 'POOR', 'social.older'),
             ('older-residents', 'TELEGRAM', 'POOR', 'social.older'),
             ('older-residents', 'WHATSAPP', 'LIMITED', 'messaging.groups'),
             ('older-residents', 'EMAIL', 'GOOD', 'email.newsletter'),
             ('older-residents', 'WEBSITE', 'LIMITED', 'website.older'),
             ('older-residents', 'POSTER', 'GOOD', 'poster.notOnSocial'),
             ('older-residents', 'PRESS', 'GOOD', 'press.notOnSocial'),

             ('shopkeepers', 'X', 'LIMITED', 'x.events'),
             ('shopkeepers', 'MASTODON', 'LIMITED', 'social.newer'),
             ('shopkeepers', 'BLUESKY', 'LIMITED', 'social.newer'),
             ('shopkeepers', 'FACEBOOK', 'LIMITED', 'facebook.shops'),
             ('shopkeepers', 'INSTAGRAM', 'LIMITED', 'instagram.limited'),
             ('shopkeepers', 'YOUTUBE', 'LIMITED', 'youtube.limited'),
             ('shopkeepers', 'TELEGRAM', 'LIMITED', 'messaging.groups'),
             ('shopkeepers', 'WHATSAPP', 'GOOD', 'messaging.shopkeepers'),
             ('shopkeepers', 'EMAIL', 'GOOD', 'email.direct'),
             ('shopkeepers', 'WEBSITE', 'LIMITED', 'website.page'),
             ('shopkeepers', 'POSTER', 'GOOD', 'poster.shops'),
             ('shopkeepers', 'PRESS', 'LIMITED', 'press.limited'),

             ('students', 'X', 'GOOD', 'x.young'),
             ('students', 'MASTODON', 'LIMITED', 'social.newer'),
             ('students', 'BLUESKY', 'LIMITED', 'social.newer'),
             ('students', 'FACEBOOK', 'LIMITED', 'facebook.young'),
             ('students', 'INSTAGRAM', 'GOOD', 'instagram.visual'),
             ('students', 'YOUTUBE', 'GOOD', 'youtube.clips'),
             ('students', 'TELEGRAM', 'LIMITED', 'messaging.groups'),
             ('students', 'WHATSAPP', 'LIMITED', 'messaging.groups'),
             ('students', 'EMAIL', 'LIMITED', 'email.student'),
             ('students', 'WEBSITE', 'LIMITED', 'website.viaPosts'),
             ('students', 'POSTER', 'GOOD', 'poster.campus'),
             ('students', 'PRESS', 'POOR', 'press.young'),

             ('partners', 'X', 'LIMITED', 'x.partnersEvents'),
             ('partners', 'MASTODON', 'POOR', 'social.closed'),
             ('partners', 'BLUESKY', 'POOR', 'social.closed'),
             ('partners', 'FACEBOOK', 'POOR', 'social.closed'),
             ('partners', 'INSTAGRAM', 'POOR', 'social.closed'),
             ('partners', 'YOUTUBE', 'POOR', 'social.closed'),
             ('partners', 'TELEGRAM', 'LIMITED', 'messaging.closedGroup'),
             ('partners', 'WHATSAPP', 'LIMITED', 'messaging.closedGroup'),
             ('partners', 'EMAIL', 'GOOD', 'email.partners'),
             ('partners', 'WEBSITE', 'GOOD', 'website.portal'),
             ('partners', 'POSTER', 'POOR', 'poster.partners'),
             ('partners', 'PRESS', 'POOR', 'press.partners')) AS m (audience, channel, suitability, reason)
         JOIN audiences.audience a ON a.key = m.audience;
