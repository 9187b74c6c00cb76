-- Deliveries: one approved variant on one channel account at one time, and every attempt to send it.
CREATE SCHEMA publishing;

CREATE TABLE publishing.delivery (
    id                 uuid PRIMARY KEY,
    variant_id         uuid        NOT NULL,
    message_id         uuid        NOT NULL,
    campaign_id        uuid        NOT NULL,
    organisation_id    uuid        NOT NULL,
    organisation_name  text        NOT NULL,
    channel_account_id uuid        NOT NULL,
    account_name       text        NOT NULL,
    account_type       text        NOT NULL,
    channel            text        NOT NULL,
    language           text        NOT NULL,
    message_title      text        NOT NULL,
    scheduled_at       timestamptz NOT NULL,
    next_attempt_at    timestamptz NOT NULL,
    status             text        NOT NULL CHECK (status IN ('SCHEDULED', 'SENDING', 'PUBLISHED', 'FAILED', 'CANCELLED')),
    -- The same key for every attempt: sent where the platform takes one, used to find the post after a timeout.
    idempotency_key    text        NOT NULL UNIQUE,
    attempts           integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    -- attempts already made when a person last pressed "retry": the attempt budget counts from there
    retry_base         integer     NOT NULL DEFAULT 0 CHECK (retry_base >= 0),
    -- true from the moment a send is claimed until its outcome is known: a run finding it true looks the post up first
    lookup_pending     boolean     NOT NULL DEFAULT false,
    sending_since      timestamptz,
    external_id        text,
    external_url       text,
    -- the platform's own words, or null when last_error_key (a Herald reason) says why
    last_error         text,
    last_error_key     text,
    stuck              boolean     NOT NULL DEFAULT false,
    created_by         uuid,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    published_at       timestamptz,
    CHECK (status <> 'PUBLISHED' OR external_id IS NOT NULL)
);

-- No second live delivery of a variant on the same account (a published one counts: it would be a duplicate post).
CREATE UNIQUE INDEX delivery_live_once ON publishing.delivery (variant_id, channel_account_id)
    WHERE status IN ('SCHEDULED', 'SENDING', 'PUBLISHED');
CREATE INDEX delivery_organisation ON publishing.delivery (organisation_id, scheduled_at DESC);
CREATE INDEX delivery_message ON publishing.delivery (message_id);
CREATE INDEX delivery_watch ON publishing.delivery (status, next_attempt_at) WHERE status IN ('SCHEDULED', 'SENDING');

CREATE TABLE publishing.attempt (
    id          bigserial PRIMARY KEY,
    delivery_id uuid        NOT NULL REFERENCES publishing.delivery (id),
    kind        text        NOT NULL CHECK (kind IN ('SEND', 'LOOKUP', 'CHECK')),
    number      integer,
    started_at  timestamptz NOT NULL,
    finished_at timestamptz,
    outcome     text CHECK (outcome IN ('PUBLISHED', 'TRANSIENT', 'PERMANENT', 'UNKNOWN', 'FOUND', 'NOT_FOUND',
                                        'CANNOT_LOOK_UP', 'REFUSED')),
    explanation text,
    http_status integer,
    node        text        NOT NULL
);
CREATE INDEX attempt_delivery ON publishing.attempt (delivery_id, id);

-- db-scheduler's table (https://github.com/kagkarlsson/db-scheduler, PostgreSQL layout of version 16), in this
-- module's schema: the scheduler is configured with the table name publishing.scheduled_tasks.
CREATE TABLE publishing.scheduled_tasks (
    task_name            text                     NOT NULL,
    task_instance        text                     NOT NULL,
    task_data            bytea,
    execution_time       timestamp with time zone NOT NULL,
    picked               boolean                  NOT NULL,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint                   NOT NULL,
    priority             smallint,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time ON publishing.scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat ON publishing.scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time ON publishing.scheduled_tasks (priority DESC, execution_time ASC);
