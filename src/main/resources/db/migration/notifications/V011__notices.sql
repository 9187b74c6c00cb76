CREATE SCHEMA notifications;

-- One notice for one person. The texts are message keys with arguments, rendered in the reader's language when shown
-- and in the recipient's language when emailed. "email" follows NOT_ASKED, or PENDING → SENDING → SENT |
-- NOT_CONFIGURED | FAILED; the SENDING claim makes sure two nodes never send the same email.
CREATE TABLE notifications.notice
(
    id           UUID PRIMARY KEY,
    recipient_id UUID        NOT NULL,
    message_key  TEXT        NOT NULL CHECK (message_key ~ '^[A-Za-z0-9_.-]{1,200}$'),
    args         TEXT[]      NOT NULL DEFAULT '{}',
    link         TEXT CHECK (link IS NULL OR link ~ '^/[^/\\]'),
    email        TEXT        NOT NULL CHECK (email IN ('NOT_ASKED', 'PENDING', 'SENDING', 'SENT', 'NOT_CONFIGURED', 'FAILED')),
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    read_at      TIMESTAMPTZ
);
CREATE INDEX notice_recipient_idx ON notifications.notice (recipient_id, created_at DESC);
CREATE INDEX notice_unread_idx ON notifications.notice (recipient_id) WHERE read_at IS NULL;
CREATE INDEX notice_pending_idx ON notifications.notice (created_at) WHERE email = 'PENDING';
