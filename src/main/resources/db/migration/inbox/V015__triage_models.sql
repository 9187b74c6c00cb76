CREATE SCHEMA IF NOT EXISTS inbox;

-- Triage: versions of the classifier that sorts reactions into categories. Version 1 is trained at start-up from the
-- corpus shipped in the repository (classpath inbox/triage/corpus-<language>.tsv); later versions from the corpus's
-- training part plus the moderators' corrections. Every version is scored on the corpus's held-out part, which no
-- version is ever trained on. Exactly one version is active: the one every node classifies with.
CREATE TABLE inbox.triage_model (
    version             integer          PRIMARY KEY CHECK (version >= 1),
    trained_at          timestamptz      NOT NULL DEFAULT now(),
    trained_by          uuid,                    -- the admin who asked for it; null for Herald itself (start-up, nightly)
    algorithm           text             NOT NULL CHECK (length(algorithm) BETWEEN 1 AND 100),
    training_size       integer          NOT NULL CHECK (training_size > 0),   -- corpus training part + corrections
    corrections_used    integer          NOT NULL DEFAULT 0 CHECK (corrections_used >= 0),
    last_correction_id  bigint,                  -- the newest correction this version learnt from (null: none)
    emergency_threshold double precision NOT NULL CHECK (emergency_threshold > 0 AND emergency_threshold <= 1),
    heldout_size        integer          NOT NULL CHECK (heldout_size > 0),
    macro_f1            double precision NOT NULL CHECK (macro_f1 BETWEEN 0 AND 1),
    emergency_recall    double precision NOT NULL CHECK (emergency_recall BETWEEN 0 AND 1),
    accuracy            double precision NOT NULL CHECK (accuracy BETWEEN 0 AND 1),
    metrics             jsonb            NOT NULL,  -- per category: precision, recall, f1, support (held-out part)
    active              boolean          NOT NULL DEFAULT false,
    activated_at        timestamptz,
    note                text,                     -- why a version was not activated (worse than the active one)
    model               bytea            NOT NULL
);
CREATE UNIQUE INDEX triage_model_one_active ON inbox.triage_model (active) WHERE active;

-- A moderator's correction of a triage verdict: the text with the category it should have had. The moderation page
-- writes them (eu.herald.inbox.triage.TriageTraining.recordCorrection); the next retraining learns from them.
--   text         the reaction's text as triaged (a citizen's words: never logged; anonymised with the item it came
--                from by the inbox's retention, see below)
--   language     the language of the text (nl, fr, de, en)
--   category     the right category
--   predicted    what triage had said (null when unknown)
--   corrected_by the moderator (accounts user id; not a foreign key: modules do not reach into each other's tables)
--   at           when
--   item_id      the inbox item it came from (null when corrected outside an item), so retention can erase it too
CREATE TABLE inbox.triage_correction (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    text         text        NOT NULL CHECK (length(btrim(text)) BETWEEN 1 AND 5000),
    language     text        NOT NULL CHECK (language IN ('nl', 'fr', 'de', 'en')),
    category     text        NOT NULL CHECK (category IN ('EMERGENCY', 'TIP', 'QUESTION', 'COMPLAINT', 'PRAISE',
                                                          'ABUSE', 'SPAM', 'OTHER')),
    predicted    text        CHECK (predicted IN ('EMERGENCY', 'TIP', 'QUESTION', 'COMPLAINT', 'PRAISE', 'ABUSE',
                                                  'SPAM', 'OTHER')),
    corrected_by uuid,
    at           timestamptz NOT NULL DEFAULT now(),
    item_id      uuid
);
CREATE INDEX triage_correction_item ON inbox.triage_correction (item_id) WHERE item_id IS NOT NULL;
