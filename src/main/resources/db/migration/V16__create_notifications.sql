-- Telling partners when a firewall needs work: subscriptions (webhooks and e-mail), the outbox their
-- events go through (written in the transaction of the change), every delivery attempt, members'
-- digest choices, and what has been announced already (so that a condition is announced once).

CREATE TABLE subscription (
    id                      bigserial PRIMARY KEY,
    partner_id              varchar(63)   NOT NULL,
    kind                    varchar(10)   NOT NULL CHECK (kind IN ('webhook', 'email')),
    target                  varchar(2000) NOT NULL,
    customer_id             bigint,
    version_events          boolean       NOT NULL,
    catalog_events          boolean       NOT NULL,
    check_events            boolean       NOT NULL DEFAULT false,
    pending_days            int,
    stale_feed_hours        int,
    slack_format            boolean       NOT NULL DEFAULT false,
    language                varchar(5)    NOT NULL DEFAULT 'en',
    secret_enc              text,
    previous_secret_enc     text,
    previous_until          timestamptz,
    unsubscribe_hash        varchar(64),
    enabled                 boolean       NOT NULL DEFAULT true,
    disabled_reason         text,
    created_by              varchar(255)  NOT NULL,
    created_at              timestamptz   NOT NULL,
    FOREIGN KEY (partner_id, customer_id) REFERENCES customer (partner_id, id) ON DELETE CASCADE
);
CREATE INDEX subscription_partner_idx ON subscription (partner_id, id);
CREATE UNIQUE INDEX subscription_unsubscribe_idx ON subscription (unsubscribe_hash);

CREATE TABLE outbox (
    id               bigserial PRIMARY KEY,
    partner_id       varchar(63)  NOT NULL,
    subscription_id  bigint       NOT NULL REFERENCES subscription (id) ON DELETE CASCADE,
    webhook_id       varchar(40)  NOT NULL UNIQUE,
    event_type       varchar(40)  NOT NULL,
    payload          text         NOT NULL,
    created_at       timestamptz  NOT NULL,
    next_attempt_at  timestamptz  NOT NULL,
    attempts         int          NOT NULL DEFAULT 0,
    status           varchar(10)  NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    delivered_at     timestamptz,
    last_error       text
);
CREATE INDEX outbox_due_idx ON outbox (next_attempt_at, id) WHERE status = 'pending';
CREATE INDEX outbox_subscription_idx ON outbox (partner_id, subscription_id, id);

CREATE TABLE delivery_attempt (
    id               bigserial PRIMARY KEY,
    partner_id       varchar(63)  NOT NULL,
    subscription_id  bigint       NOT NULL REFERENCES subscription (id) ON DELETE CASCADE,
    outbox_id        bigint       NOT NULL REFERENCES outbox (id) ON DELETE CASCADE,
    attempt          int          NOT NULL,
    attempted_at     timestamptz  NOT NULL,
    status_code      int,
    latency_ms       int          NOT NULL,
    error            text
);
CREATE INDEX delivery_attempt_subscription_idx ON delivery_attempt (partner_id, subscription_id, id DESC);

CREATE TABLE member_digest (
    id               bigserial PRIMARY KEY,
    partner_id       varchar(63)  NOT NULL,
    subject          varchar(255) NOT NULL,
    email            varchar(320) NOT NULL,
    frequency        varchar(10)  NOT NULL CHECK (frequency IN ('daily', 'weekly')),
    language         varchar(5)   NOT NULL,
    last_sent_at     timestamptz  NOT NULL,
    UNIQUE (partner_id, subject)
);

CREATE TABLE announcement (
    partner_id       varchar(63)  NOT NULL,
    subscription_id  bigint       NOT NULL REFERENCES subscription (id) ON DELETE CASCADE,
    subject_key      varchar(200) NOT NULL,
    announced_at     timestamptz  NOT NULL,
    PRIMARY KEY (partner_id, subscription_id, subject_key)
);

DO $$
DECLARE
    tenant_table text;
BEGIN
    FOREACH tenant_table IN ARRAY ARRAY['subscription', 'outbox', 'delivery_attempt', 'member_digest', 'announcement'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', tenant_table);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', tenant_table);
        EXECUTE format('CREATE POLICY tenant ON %I USING (partner_id = portal_tenant()) '
            || 'WITH CHECK (partner_id = portal_tenant())', tenant_table);
    END LOOP;
END
$$;

-- the delivery worker's look across partners: which outbox rows are due (the oldest pending one of each
-- subscription, so that an endpoint gets its events in order), and which partners have members due a digest
CREATE POLICY crosstenant_read ON outbox FOR SELECT TO allowlist_crosstenant USING (true);
GRANT SELECT (id, partner_id, subscription_id, status, next_attempt_at) ON outbox TO allowlist_crosstenant;
CREATE FUNCTION portal_outbox_due(max_rows int)
    RETURNS TABLE (outbox_id bigint, partner_id varchar)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT o.id, o.partner_id FROM outbox o
     WHERE o.status = 'pending' AND o.next_attempt_at <= now()
       AND NOT EXISTS (SELECT 1 FROM outbox e WHERE e.subscription_id = o.subscription_id
                          AND e.status = 'pending' AND e.id < o.id)
     ORDER BY o.next_attempt_at, o.id LIMIT max_rows
$$;
CREATE POLICY crosstenant_read ON member_digest FOR SELECT TO allowlist_crosstenant USING (true);
CREATE POLICY crosstenant_read ON subscription FOR SELECT TO allowlist_crosstenant USING (true);
GRANT SELECT (partner_id) ON member_digest TO allowlist_crosstenant;
GRANT SELECT (id, partner_id, unsubscribe_hash) ON subscription TO allowlist_crosstenant;
CREATE FUNCTION portal_partners_with_digests() RETURNS SETOF varchar
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT DISTINCT partner_id FROM member_digest
$$;
-- an unsubscribe link names no partner: the token's hash finds the subscription
CREATE FUNCTION portal_subscription_by_unsubscribe_hash(hash text)
    RETURNS TABLE (subscription_id bigint, partner_id varchar)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT s.id, s.partner_id FROM subscription s WHERE s.unsubscribe_hash = hash
$$;
ALTER FUNCTION portal_outbox_due(int) OWNER TO allowlist_crosstenant;
ALTER FUNCTION portal_partners_with_digests() OWNER TO allowlist_crosstenant;
ALTER FUNCTION portal_subscription_by_unsubscribe_hash(text) OWNER TO allowlist_crosstenant;
REVOKE ALL ON FUNCTION portal_outbox_due(int), portal_partners_with_digests(),
    portal_subscription_by_unsubscribe_hash(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION portal_outbox_due(int), portal_partners_with_digests(),
    portal_subscription_by_unsubscribe_hash(text) TO allowlist_app;

GRANT SELECT, INSERT, UPDATE, DELETE ON subscription, outbox, delivery_attempt, member_digest, announcement TO allowlist_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO allowlist_app;
