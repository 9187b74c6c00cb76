-- A printed poster run, kept as printed: downloading it again gives the same pages with the same links (printing
-- again would make new codes, and the clicks of the posters already on the walls would be counted apart).
CREATE TABLE links.poster_run (
    id              uuid PRIMARY KEY,
    campaign_id     uuid NOT NULL,
    organisation_id uuid NOT NULL,
    paper           text NOT NULL CHECK (paper IN ('A4', 'A3')),
    languages       text NOT NULL CHECK (languages ~ '^[a-z]{2}( [a-z]{2})?$'),
    pdf             bytea NOT NULL CHECK (length(pdf) > 0),
    created_by      uuid,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX poster_run_campaign ON links.poster_run (campaign_id, created_at);

-- The run a location's link was printed in.
ALTER TABLE links.link ADD COLUMN poster_run_id uuid REFERENCES links.poster_run (id);
CREATE INDEX link_poster_run ON links.link (poster_run_id) WHERE poster_run_id IS NOT NULL;
