-- The closed partner portal: partner groups and their members, and the toolbox of resources shared with groups.
-- Organisations and users are other modules' ids, kept as plain UUIDs (no cross-schema references).
CREATE SCHEMA partners;

-- The PostgreSQL text-search configuration of a language code: the right stemmer and stop words per resource.
CREATE FUNCTION partners.ts_config(language TEXT) RETURNS regconfig
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE language
               WHEN 'nl' THEN 'pg_catalog.dutch'::regconfig
               WHEN 'fr' THEN 'pg_catalog.french'::regconfig
               WHEN 'de' THEN 'pg_catalog.german'::regconfig
               ELSE 'pg_catalog.english'::regconfig
        END;

CREATE TABLE partners.partner_group
(
    id              UUID PRIMARY KEY,
    organisation_id UUID        NOT NULL,
    name            TEXT        NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
    kind            TEXT        NOT NULL CHECK (kind IN ('NEIGHBOURHOOD_NETWORK', 'SHOPKEEPERS', 'SCHOOL',
                                                         'SECURITY_FIRM', 'PREVENTION_STAFF')),
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    version         INT         NOT NULL DEFAULT 0,
    UNIQUE (organisation_id, name)
);

CREATE TABLE partners.group_member
(
    group_id     UUID        NOT NULL REFERENCES partners.partner_group (id) ON DELETE CASCADE,
    user_id      UUID        NOT NULL,
    -- a copy of the user's name when added, so the group page needs no other module's tables
    display_name TEXT        NOT NULL,
    -- the address the member was added with: where notifications (an answer to their question) go
    email        TEXT        NOT NULL,
    need_to_know TEXT        NOT NULL CHECK (need_to_know IN ('BASIC', 'RESTRICTED', 'CONFIDENTIAL')),
    coordinator  BOOLEAN     NOT NULL DEFAULT FALSE,
    added_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (group_id, user_id)
);
CREATE INDEX group_member_user_idx ON partners.group_member (user_id);

-- A toolbox resource; its content lives in versions (the newest is current). Shared with chosen groups, or with every
-- group of the owning organisation and its descendants (all_groups).
CREATE TABLE partners.resource
(
    id              UUID PRIMARY KEY,
    organisation_id UUID        NOT NULL,
    owner_id        UUID,
    title           TEXT        NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 300),
    description     TEXT        NOT NULL DEFAULT '',
    body            TEXT        NOT NULL DEFAULT '',
    category        TEXT        NOT NULL CHECK (length(trim(category)) BETWEEN 1 AND 100),
    tags            TEXT[]      NOT NULL DEFAULT '{}',
    language        TEXT        NOT NULL CHECK (language IN ('nl', 'fr', 'de', 'en')),
    kind            TEXT        NOT NULL CHECK (kind IN ('DOCUMENT', 'IMAGE', 'VIDEO_LINK', 'TEMPLATE', 'TRAINING')),
    url             TEXT CHECK (url IS NULL OR url ~ '^https?://'),
    review_date     DATE,
    all_groups      BOOLEAN     NOT NULL DEFAULT FALSE,
    -- the level a member needs to see the resource (BASIC < RESTRICTED < CONFIDENTIAL)
    need_to_know    TEXT        NOT NULL DEFAULT 'BASIC' CHECK (need_to_know IN ('BASIC', 'RESTRICTED', 'CONFIDENTIAL')),
    seed_key        TEXT UNIQUE,
    current_version INT         NOT NULL DEFAULT 1,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    search          tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector(partners.ts_config(language), title), 'A') ||
        setweight(to_tsvector(partners.ts_config(language), category || ' ' || description), 'B') ||
        setweight(to_tsvector(partners.ts_config(language), body), 'C')) STORED
);
CREATE INDEX resource_search_idx ON partners.resource USING gin (search);
CREATE INDEX resource_organisation_idx ON partners.resource (organisation_id);

CREATE TABLE partners.resource_version
(
    resource_id UUID        NOT NULL REFERENCES partners.resource (id) ON DELETE CASCADE,
    number      INT         NOT NULL CHECK (number >= 1),
    title       TEXT        NOT NULL,
    description TEXT        NOT NULL,
    body        TEXT        NOT NULL,
    url         TEXT,
    file_name   TEXT,
    media_type  TEXT,
    content     BYTEA,
    size_bytes  BIGINT      CHECK (size_bytes IS NULL OR size_bytes >= 0),
    note        TEXT        NOT NULL DEFAULT '',
    changed_by  UUID,
    changed_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (resource_id, number),
    CHECK ((content IS NULL) = (media_type IS NULL))
);

CREATE TABLE partners.resource_share
(
    resource_id UUID NOT NULL REFERENCES partners.resource (id) ON DELETE CASCADE,
    group_id    UUID NOT NULL REFERENCES partners.partner_group (id) ON DELETE CASCADE,
    PRIMARY KEY (resource_id, group_id)
);
CREATE INDEX resource_share_group_idx ON partners.resource_share (group_id);

-- Questions and answers within a group: closed like everything else (no open forum). Coordinators hide posts.
CREATE TABLE partners.question
(
    id                 UUID PRIMARY KEY,
    group_id           UUID        NOT NULL REFERENCES partners.partner_group (id) ON DELETE CASCADE,
    asker_id           UUID        NOT NULL,
    asker_name         TEXT        NOT NULL,
    title              TEXT        NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 200),
    body               TEXT        NOT NULL CHECK (length(body) <= 10000),
    language           TEXT        NOT NULL CHECK (language IN ('nl', 'fr', 'de', 'en')),
    accepted_answer_id UUID,
    hidden             BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    search             tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector(partners.ts_config(language), title), 'A') ||
        setweight(to_tsvector(partners.ts_config(language), body), 'B')) STORED
);
CREATE INDEX question_group_idx ON partners.question (group_id, created_at DESC);
CREATE INDEX question_search_idx ON partners.question USING gin (search);

CREATE TABLE partners.answer
(
    id          UUID PRIMARY KEY,
    question_id UUID        NOT NULL REFERENCES partners.question (id) ON DELETE CASCADE,
    author_id   UUID        NOT NULL,
    author_name TEXT        NOT NULL,
    body        TEXT        NOT NULL CHECK (length(trim(body)) BETWEEN 1 AND 10000),
    hidden      BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX answer_question_idx ON partners.answer (question_id, created_at);
ALTER TABLE partners.question
    ADD CONSTRAINT question_accepted_answer_fk FOREIGN KEY (accepted_answer_id) REFERENCES partners.answer (id);
