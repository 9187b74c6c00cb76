-- Events get a need-to-know level of their own, like toolbox resources: a member of a group the event is shared with
-- sees it (in the list, on its page, to register, in their feed and digest) only if their level covers it
-- (BASIC < RESTRICTED < CONFIDENTIAL). Existing events stay BASIC, as they were: visible to every member.
ALTER TABLE partners.event
    ADD COLUMN need_to_know TEXT NOT NULL DEFAULT 'BASIC'
        CHECK (need_to_know IN ('BASIC', 'RESTRICTED', 'CONFIDENTIAL'));
