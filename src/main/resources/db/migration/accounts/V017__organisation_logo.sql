-- An organisation's logo, printed on its posters: one PNG or JPEG of at most 1 MB, checked from its bytes.
CREATE TABLE accounts.organisation_logo
(
    organisation_id UUID PRIMARY KEY REFERENCES accounts.organisation (id) ON DELETE CASCADE,
    file_name       TEXT        NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
    content_type    TEXT        NOT NULL CHECK (content_type IN ('image/png', 'image/jpeg')),
    size_bytes      INT         NOT NULL CHECK (size_bytes > 0 AND size_bytes <= 1048576),
    sha256          TEXT        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    width           INT         NOT NULL CHECK (width > 0),
    height          INT         NOT NULL CHECK (height > 0),
    content         BYTEA       NOT NULL CHECK (octet_length(content) = size_bytes),
    uploaded_by     UUID,
    uploaded_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
