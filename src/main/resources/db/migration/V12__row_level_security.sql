-- The second wall behind Hibernate's tenant filter: PostgreSQL itself shows a connection only the
-- rows of the partner named by the setting portal.partner_id, which the portal sets for every
-- transaction (SET LOCAL semantics, see TenantConnections) from the same resolver that feeds
-- @TenantId. A query that forgets its partner_id predicate still sees one partner; a connection
-- with no setting sees no tenant row at all.
--
-- Roles (cluster-wide, so created only when missing; in production a DBA creates them beforehand,
-- with a password for allowlist_app, and grants allowlist_crosstenant to the migrating owner):
--   allowlist_app          the portal's login: no superuser, no BYPASSRLS, exactly the grants below
--   allowlist_crosstenant  no login: owns the few functions that must look across partners
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'allowlist_app') THEN
        CREATE ROLE allowlist_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'allowlist_crosstenant') THEN
        CREATE ROLE allowlist_crosstenant NOLOGIN NOSUPERUSER NOBYPASSRLS;
    END IF;
END
$$;

-- The tenant of the current transaction ('' when none: matches no row). '~platform' is the platform's
-- own scope: its audit events (partner_id NULL) and its chain.
CREATE FUNCTION portal_tenant() RETURNS text LANGUAGE sql STABLE AS $$
    SELECT coalesce(current_setting('portal.partner_id', true), '')
$$;

DO $$
DECLARE
    tenant_table text;
BEGIN
    FOREACH tenant_table IN ARRAY ARRAY['member', 'customer', 'customer_license', 'mcs_host', 'installer_log_upload',
            'allowlist_version', 'applied_version', 'feed'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', tenant_table);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', tenant_table);
        EXECUTE format('CREATE POLICY tenant ON %I USING (partner_id = portal_tenant()) '
            || 'WITH CHECK (partner_id = portal_tenant())', tenant_table);
    END LOOP;
END
$$;

-- The chain an audit event belongs to, as a column: its partner, or '~platform' for the platform's own
-- events (partner_id NULL). One column lets the policy and each query's own predicate be the same
-- equality, which the planner merges (an OR of partner_id and IS NULL made it sort a partner's whole
-- history for every page: 2 s instead of 1 ms at a million events). Not part of the hash: it is
-- derived from partner_id, which is.
ALTER TABLE audit_event ADD COLUMN chain varchar(63) GENERATED ALWAYS AS (coalesce(partner_id, '~platform')) STORED;
DROP INDEX audit_event_partner_idx;
DROP INDEX audit_event_partner_customer_idx;
DROP INDEX audit_event_partner_time_idx;
CREATE INDEX audit_event_chain_idx ON audit_event (chain, id DESC);
CREATE INDEX audit_event_chain_customer_idx ON audit_event (chain, customer_id, id DESC);
CREATE INDEX audit_event_chain_time_idx ON audit_event (chain, occurred_at, id);
ALTER TABLE audit_event ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_event FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON audit_event USING (chain = portal_tenant()) WITH CHECK (chain = portal_tenant());


ALTER TABLE audit_chain ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_chain FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON audit_chain USING (chain = portal_tenant()) WITH CHECK (chain = portal_tenant());

-- What the cross-tenant functions read, and only that: they run as allowlist_crosstenant.
CREATE POLICY crosstenant_read ON feed FOR SELECT TO allowlist_crosstenant USING (true);
CREATE POLICY crosstenant_read ON customer FOR SELECT TO allowlist_crosstenant USING (true);
GRANT SELECT (id, partner_id, customer_id, format, token_hash, revoked_at) ON feed TO allowlist_crosstenant;
GRANT SELECT (id, partner_id) ON customer TO allowlist_crosstenant;

-- The deliberate cross-tenant paths, each narrow and named:
-- a feed by its token's hash (a firewall's pull names no partner; the feed tells which)
CREATE FUNCTION portal_feed_by_token_hash(hash text)
    RETURNS TABLE (feed_id bigint, partner_id varchar, customer_id bigint, format varchar)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT f.id, f.partner_id, f.customer_id, f.format FROM feed f WHERE f.token_hash = hash AND f.revoked_at IS NULL
$$;
-- how many customers all partners have (a catalog publication's total)
CREATE FUNCTION portal_customer_count() RETURNS bigint
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT count(*) FROM customer
$$;
-- the next customers after a (partner, id) cursor: a catalog publication's walk over every partner
CREATE FUNCTION portal_customers_after(after_partner varchar, after_id bigint, max_rows int)
    RETURNS TABLE (partner_id varchar, customer_id bigint)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT c.partner_id, c.id FROM customer c WHERE (c.partner_id, c.id) > (after_partner, after_id)
    ORDER BY c.partner_id, c.id LIMIT max_rows
$$;
ALTER FUNCTION portal_feed_by_token_hash(text) OWNER TO allowlist_crosstenant;
ALTER FUNCTION portal_customer_count() OWNER TO allowlist_crosstenant;
ALTER FUNCTION portal_customers_after(varchar, bigint, int) OWNER TO allowlist_crosstenant;
REVOKE ALL ON FUNCTION portal_feed_by_token_hash(text), portal_customer_count(),
    portal_customers_after(varchar, bigint, int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION portal_feed_by_token_hash(text), portal_customer_count(),
    portal_customers_after(varchar, bigint, int) TO allowlist_app;
-- the migration-only functions of V11 stay the owner's
REVOKE ALL ON FUNCTION audit_redact_feed_paths(), audit_append_platform_event(text, text, text, text) FROM PUBLIC;

-- Exactly what the portal needs. The audit history: read and append, never change.
GRANT USAGE ON SCHEMA public TO allowlist_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON member, customer, customer_license, mcs_host, installer_log_upload,
    allowlist_version, applied_version, feed TO allowlist_app;
GRANT SELECT, INSERT ON audit_event TO allowlist_app;
GRANT SELECT, INSERT, UPDATE ON audit_chain TO allowlist_app;
GRANT SELECT, INSERT, UPDATE ON partner, catalog_version, catalog_publication TO allowlist_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO allowlist_app;
