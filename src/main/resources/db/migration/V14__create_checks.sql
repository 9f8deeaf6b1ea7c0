-- Check results that come back from the customer's machines, the tokens that let a check script post
-- them, and what reconciling the firewall's configuration with the allowlist found.

-- A report URL for one customer's check scripts; only the token's SHA-256 is stored.
CREATE TABLE check_token (
    id              bigserial PRIMARY KEY,
    partner_id      varchar(63)  NOT NULL,
    customer_id     bigint       NOT NULL,
    token_hash      varchar(64)  NOT NULL UNIQUE,
    created_by      varchar(255) NOT NULL,
    created_at      timestamptz  NOT NULL,
    revoked_at      timestamptz,
    last_report_at  timestamptz,
    report_count    bigint       NOT NULL DEFAULT 0,
    FOREIGN KEY (partner_id, customer_id) REFERENCES customer (partner_id, id) ON DELETE CASCADE
);
CREATE INDEX check_token_customer_idx ON check_token (partner_id, customer_id);

-- One run of a check script: from a token, or uploaded on the customer page.
CREATE TABLE check_report (
    id                bigserial PRIMARY KEY,
    partner_id        varchar(63)  NOT NULL,
    customer_id       bigint       NOT NULL,
    received_at       timestamptz  NOT NULL,
    source            varchar(20)  NOT NULL CHECK (source IN ('script', 'upload')),
    check_token_id    bigint,
    machine           varchar(255) NOT NULL,
    proxy             varchar(255),
    script_version    varchar(40)  NOT NULL,
    allowlist_version int          NOT NULL,
    passed            int          NOT NULL,
    failed            int          NOT NULL,
    results           text         NOT NULL,
    FOREIGN KEY (partner_id, customer_id) REFERENCES customer (partner_id, id) ON DELETE CASCADE
);
CREATE INDEX check_report_customer_idx ON check_report (partner_id, customer_id, id DESC);

-- What the last reconciliations found (the full result is an answer, not kept).
CREATE TABLE reconciliation (
    id                bigserial PRIMARY KEY,
    partner_id        varchar(63)  NOT NULL,
    customer_id       bigint       NOT NULL,
    created_at        timestamptz  NOT NULL,
    created_by        varchar(255) NOT NULL,
    format            varchar(40)  NOT NULL,
    allowlist_version int          NOT NULL,
    missing           int          NOT NULL,
    broader           int          NOT NULL,
    extra             int          NOT NULL,
    missing_values    text         NOT NULL,
    FOREIGN KEY (partner_id, customer_id) REFERENCES customer (partner_id, id) ON DELETE CASCADE
);
CREATE INDEX reconciliation_customer_idx ON reconciliation (partner_id, customer_id, id DESC);

DO $$
DECLARE
    tenant_table text;
BEGIN
    FOREACH tenant_table IN ARRAY ARRAY['check_token', 'check_report', 'reconciliation'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', tenant_table);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', tenant_table);
        EXECUTE format('CREATE POLICY tenant ON %I USING (partner_id = portal_tenant()) '
            || 'WITH CHECK (partner_id = portal_tenant())', tenant_table);
    END LOOP;
END
$$;

-- a check token by its hash (a script's report names no partner; the token tells which)
CREATE POLICY crosstenant_read ON check_token FOR SELECT TO allowlist_crosstenant USING (true);
GRANT SELECT (id, partner_id, customer_id, token_hash, revoked_at) ON check_token TO allowlist_crosstenant;
CREATE FUNCTION portal_check_token_by_hash(hash text)
    RETURNS TABLE (token_id bigint, partner_id varchar, customer_id bigint)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT t.id, t.partner_id, t.customer_id FROM check_token t WHERE t.token_hash = hash AND t.revoked_at IS NULL
$$;
ALTER FUNCTION portal_check_token_by_hash(text) OWNER TO allowlist_crosstenant;
REVOKE ALL ON FUNCTION portal_check_token_by_hash(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION portal_check_token_by_hash(text) TO allowlist_app;

GRANT SELECT, INSERT, UPDATE, DELETE ON check_token, check_report, reconciliation TO allowlist_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO allowlist_app;

-- the customer page keeps what it shows of checks with the customer's snapshot: announce changes as V10 does
CREATE TRIGGER check_token_notify AFTER INSERT OR DELETE OR UPDATE OF customer_id, revoked_at ON check_token
    FOR EACH ROW EXECUTE FUNCTION portal_notify_customer_child();
CREATE TRIGGER check_report_notify AFTER INSERT OR UPDATE OR DELETE ON check_report
    FOR EACH ROW EXECUTE FUNCTION portal_notify_customer_child();
CREATE TRIGGER reconciliation_notify AFTER INSERT OR UPDATE OR DELETE ON reconciliation
    FOR EACH ROW EXECUTE FUNCTION portal_notify_customer_child();
