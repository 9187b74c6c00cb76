-- The bytes of an uploaded image, one per variant medium. A medium without a row here is only described (a name,
-- alt text, captions): a video or an image kept elsewhere. Deleting the medium deletes its bytes.
CREATE TABLE campaigns.media_content
(
    media_id     UUID PRIMARY KEY REFERENCES campaigns.variant_media (id) ON DELETE CASCADE,
    content_type TEXT        NOT NULL CHECK (content_type IN ('image/png', 'image/jpeg')),
    size_bytes   INT         NOT NULL CHECK (size_bytes > 0 AND size_bytes <= 5242880),
    sha256       TEXT        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    width        INT         NOT NULL CHECK (width > 0),
    height       INT         NOT NULL CHECK (height > 0),
    content      BYTEA       NOT NULL CHECK (octet_length(content) = size_bytes),
    uploaded_by  UUID,
    uploaded_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
