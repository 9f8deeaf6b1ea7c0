-- The audit history: append-only, hash-chained per partner (partner_id NULL: the platform's chain).
CREATE TABLE audit_event (
    id            bigserial PRIMARY KEY,
    partner_id    varchar(63),
    occurred_at   timestamptz  NOT NULL,
    actor_subject varchar(255) NOT NULL,
    actor_name    varchar(255),
    client        varchar(100),
    ip_address    varchar(64),
    operation     varchar(10)  NOT NULL CHECK (operation IN ('CREATE', 'UPDATE', 'DELETE', 'ACTION')),
    resource_type varchar(40)  NOT NULL,
    resource_id   varchar(100),
    resource_path varchar(300),
    -- the customer the event concerns, for per-customer history (no foreign key: history outlives it)
    customer_id   bigint,
    summary       varchar(500) NOT NULL,
    details       text         NOT NULL,
    prev_hash     varchar(64)  NOT NULL,
    hash          varchar(64)  NOT NULL
);
CREATE INDEX audit_event_partner_idx ON audit_event (partner_id, id DESC);
CREATE INDEX audit_event_partner_customer_idx ON audit_event (partner_id, customer_id, id DESC);
CREATE INDEX audit_event_partner_time_idx ON audit_event (partner_id, occurred_at, id);

-- The head of each chain: the last event's hash and the count, so that a deleted last event shows.
CREATE TABLE audit_chain (
    chain       varchar(63) PRIMARY KEY,
    last_id     bigint      NOT NULL,
    last_hash   varchar(64) NOT NULL,
    event_count bigint      NOT NULL
);

CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
