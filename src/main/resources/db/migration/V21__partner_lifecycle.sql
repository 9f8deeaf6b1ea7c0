-- A platform admin renames a partner or disables it. Nothing of a disabled partner is deleted: its
-- members (logins and API tokens) are refused with the "not registered" page, and enabling it again
-- restores everything. Its customers' feeds keep answering: a firewall in the field keeps its allowlist
-- whatever the state of its MSP's account (a partner admin revokes feeds to stop them).
ALTER TABLE partner ADD COLUMN disabled_at timestamptz;

-- Every instance caches partners by slug (and the identities of verified bearer tokens): a rename or a
-- disablement is announced like a customer's change (V10), so each instance forgets what it knew.
CREATE FUNCTION portal_notify_partner() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('portal_changes', 'partner:' || NEW.id);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER partner_notify AFTER UPDATE OF display_name, disabled_at ON partner
    FOR EACH ROW EXECUTE FUNCTION portal_notify_partner();

-- The platform's partner list: each partner's customers, members and last login, across tenants. A
-- narrow cross-tenant path like those of V12: counts and a time, never a customer's or member's row.
CREATE POLICY crosstenant_read ON member FOR SELECT TO allowlist_crosstenant USING (true);
GRANT SELECT (partner_id, last_login_at) ON member TO allowlist_crosstenant;
GRANT SELECT (id) ON partner TO allowlist_crosstenant;
CREATE FUNCTION portal_partner_activity()
    RETURNS TABLE (partner_id varchar, customers bigint, members bigint, last_login timestamptz)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT p.id, (SELECT count(*) FROM customer c WHERE c.partner_id = p.id),
           (SELECT count(*) FROM member m WHERE m.partner_id = p.id),
           (SELECT max(m.last_login_at) FROM member m WHERE m.partner_id = p.id)
    FROM partner p
$$;
ALTER FUNCTION portal_partner_activity() OWNER TO allowlist_crosstenant;
REVOKE ALL ON FUNCTION portal_partner_activity() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION portal_partner_activity() TO allowlist_app;
