-- 101 is the police's emergency line in Belgium, not a number for what is not urgent. The default '101' told citizens
-- the opposite of what the workshop asks ("social media is no emergency line; for what is not urgent, your police
-- zone"): a zone that has not entered its own non-urgent number now has none, and Herald refers to www.police.be
-- (where every zone's number is listed) instead of printing a wrong number.
ALTER TABLE inbox.organisation_settings ALTER COLUMN non_urgent_number DROP DEFAULT;
ALTER TABLE inbox.organisation_settings ALTER COLUMN non_urgent_number DROP NOT NULL;
UPDATE inbox.organisation_settings SET non_urgent_number = NULL WHERE non_urgent_number IN ('100', '101', '112');
