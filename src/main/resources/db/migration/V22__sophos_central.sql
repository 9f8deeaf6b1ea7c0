-- A partner's Sophos Central Partner account, connected with an API credential, keeps its customers'
-- licenses and data regions in step with Sophos Central (docs/sophos-central.md).
--
-- central_connection  one per partner: the credential (the secret sealed with the platform's key, never
--                     in clear), the Sophos Central partner id whoami answered, the choice to apply syncs
--                     automatically, the status of the last run and where an interrupted run resumes
-- central_tenant      what the last runs read of each tenant: its name, geography, region, API host and
--                     license products; a tenant no longer listed is flagged removed, never deleted
-- customer.central_tenant_id   the tenant a customer is linked to (the external reference stays the
--                     partner's own)
-- allowlist_version.cause_detail   what a cause changed, in words the change report translates
--                     ("+EDR -MTR regions": license EDR added, MTR removed, regions changed)

CREATE TABLE central_connection (
    id                  bigserial PRIMARY KEY,
    partner_id          varchar(63)   NOT NULL UNIQUE,
    client_id           varchar(200)  NOT NULL,
    secret_sealed       text          NOT NULL,
    central_partner_id  varchar(64)   NOT NULL,
    auto_apply          boolean       NOT NULL DEFAULT false,
    connected_by        varchar(255)  NOT NULL,
    connected_at        timestamptz   NOT NULL,
    first_applied_at    timestamptz,
    status              varchar(20)   NOT NULL DEFAULT 'connected',
    status_count        int,
    status_at           timestamptz,
    retry_after         timestamptz,
    run                 int           NOT NULL DEFAULT 0,
    resume_page         int,
    lease_owner         varchar(64),
    lease_until         timestamptz,
    last_started_at     timestamptz,
    last_finished_at    timestamptz,
    version             int           NOT NULL DEFAULT 0
);

CREATE TABLE central_tenant (
    id                  bigserial PRIMARY KEY,
    partner_id          varchar(63)   NOT NULL,
    tenant_id           varchar(64)   NOT NULL,
    name                varchar(255)  NOT NULL,
    data_geography      varchar(10),
    data_region         varchar(20),
    api_host            varchar(255),
    products            text[]        NOT NULL DEFAULT '{}',
    licenses_read_at    timestamptz,
    read_error          varchar(200),
    seen_run            int           NOT NULL,
    seen_at             timestamptz   NOT NULL,
    removed_at          timestamptz,
    UNIQUE (partner_id, tenant_id)
);

ALTER TABLE customer ADD COLUMN central_tenant_id varchar(64);
CREATE UNIQUE INDEX customer_central_tenant_idx ON customer (partner_id, central_tenant_id)
    WHERE central_tenant_id IS NOT NULL;

ALTER TABLE allowlist_version ADD COLUMN cause_detail varchar(200);

DO $$
DECLARE
    tenant_table text;
BEGIN
    FOREACH tenant_table IN ARRAY ARRAY['central_connection', 'central_tenant'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', tenant_table);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', tenant_table);
        EXECUTE format('CREATE POLICY tenant ON %I USING (partner_id = portal_tenant()) '
            || 'WITH CHECK (partner_id = portal_tenant())', tenant_table);
    END LOOP;
END
$$;
GRANT SELECT, INSERT, UPDATE, DELETE ON central_connection, central_tenant TO allowlist_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO allowlist_app;

-- The scheduler's look across partners: which partners have a connection due a sync (no credential,
-- no tenant, only the partner's id).
CREATE POLICY crosstenant_read ON central_connection FOR SELECT TO allowlist_crosstenant USING (true);
GRANT SELECT (partner_id, status, retry_after, last_started_at, lease_until) ON central_connection
    TO allowlist_crosstenant;
CREATE FUNCTION portal_central_due(every interval)
    RETURNS TABLE (partner_id varchar)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT c.partner_id FROM central_connection c
     WHERE c.status <> 'refused'
       AND (c.retry_after IS NULL OR c.retry_after <= now())
       AND (c.lease_until IS NULL OR c.lease_until < now())
       AND (c.last_started_at IS NULL OR c.last_started_at <= now() - every)
     ORDER BY c.last_started_at NULLS FIRST
$$;
ALTER FUNCTION portal_central_due(interval) OWNER TO allowlist_crosstenant;
REVOKE ALL ON FUNCTION portal_central_due(interval) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION portal_central_due(interval) TO allowlist_app;
