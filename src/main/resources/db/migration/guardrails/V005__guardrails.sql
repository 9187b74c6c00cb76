-- Guardrails: the word lists ship as files (classpath guardrails/<lexicon>_<language>.txt); these tables hold only what
-- admins changed on top of them, and each organisation's own emergency-line sentence.
CREATE SCHEMA guardrails;

-- An admin's change to a shipped word list: an entry added, or a shipped entry removed. Restoring a removed entry or
-- removing an added one deletes the row, so the table is the difference between the files and what the checks use.
CREATE TABLE guardrails.lexicon_change (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    lexicon    text        NOT NULL CHECK (lexicon IN ('anxiety', 'opsec', 'emergency_line', 'jargon')),
    language   text        NOT NULL CHECK (language IN ('nl', 'fr', 'de', 'en')),
    entry      text        NOT NULL CHECK (length(btrim(entry)) BETWEEN 1 AND 300 AND entry = btrim(entry)),
    kind       text        NOT NULL CHECK (kind IN ('ADDED', 'REMOVED')),
    changed_at timestamptz NOT NULL DEFAULT now(),
    changed_by uuid,
    UNIQUE (lexicon, language, entry)
);

-- An organisation's own sentence saying that its channels are no emergency line, per language (without one, Herald's
-- default for the language applies). organisation_id names an organisation of the accounts module, not a foreign key:
-- modules do not reach into each other's tables.
CREATE TABLE guardrails.emergency_wording (
    organisation_id uuid        NOT NULL,
    language        text        NOT NULL CHECK (language IN ('nl', 'fr', 'de', 'en')),
    wording         text        NOT NULL CHECK (length(btrim(wording)) BETWEEN 1 AND 500),
    changed_at      timestamptz NOT NULL DEFAULT now(),
    changed_by      uuid,
    PRIMARY KEY (organisation_id, language)
);

-- Bumped by every edit, so that each node notices cheaply that its compiled word lists are out of date.
CREATE TABLE guardrails.generation (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    value    bigint  NOT NULL CHECK (value >= 0)
);
INSERT INTO guardrails.generation (only_row, value) VALUES (true, 0);
