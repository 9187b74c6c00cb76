-- The inbox's two secrets (the key of the organisation's signed webhook and the one signing alerts to the dispatch
-- room) are kept sealed with AES-256-GCM like the channels' credentials: the organisation and the purpose are the
-- associated data ('inbox.webhook:<organisation id>', 'inbox.dispatch:<organisation id>'). The key comes from
-- HERALD_SECRET_KEY, which SQL does not know: Herald seals the plain values still here when it reads a row and once
-- at start-up (then every ten minutes), and clears the plain columns. A later migration drops them, once no node of
-- the previous version runs.
ALTER TABLE inbox.organisation_settings ADD COLUMN webhook_secret_sealed bytea;
ALTER TABLE inbox.organisation_settings ADD COLUMN dispatch_webhook_secret_sealed bytea;
ALTER TABLE inbox.organisation_settings ALTER COLUMN webhook_secret DROP NOT NULL;
ALTER TABLE inbox.organisation_settings ADD CONSTRAINT organisation_settings_webhook_secret_kept
    CHECK (webhook_secret IS NOT NULL OR webhook_secret_sealed IS NOT NULL);
