CREATE SCHEMA audit;

-- The audit trail is append-only: rows are inserted by the audit module's event listener and never changed.
-- The triggers below refuse UPDATE, DELETE and TRUNCATE for every role, the table owner included.
CREATE TABLE audit.audit_entry
(
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at     TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    actor_id        UUID,
    actor_name      TEXT        NOT NULL,
    organisation_id UUID,
    action          TEXT        NOT NULL,
    subject_type    TEXT        NOT NULL,
    subject_id      TEXT,
    before          JSONB       NOT NULL DEFAULT '{}',
    after           JSONB       NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_entry_occurred_idx ON audit.audit_entry (occurred_at DESC);
CREATE INDEX audit_entry_organisation_idx ON audit.audit_entry (organisation_id, occurred_at DESC);
CREATE INDEX audit_entry_actor_idx ON audit.audit_entry (actor_id, occurred_at DESC);

CREATE FUNCTION audit.refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_entry_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit.audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER audit_entry_no_truncate
    BEFORE TRUNCATE ON audit.audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();

REVOKE UPDATE, DELETE, TRUNCATE ON audit.audit_entry FROM PUBLIC;
