-- One tracked link per (campaign, channel, variant, target) for the links found in a variant's text, whether it was
-- created when the message was approved or scheduled, or on demand from the links page: both may run at once.
CREATE UNIQUE INDEX link_variant_target ON links.link (campaign_id, channel, variant_id, target)
    WHERE variant_id IS NOT NULL AND location IS NULL;

-- Links created when a message is approved or scheduled by Herald itself (e.g. the demo seed) have no creator.
ALTER TABLE links.link ALTER COLUMN created_by DROP NOT NULL;
