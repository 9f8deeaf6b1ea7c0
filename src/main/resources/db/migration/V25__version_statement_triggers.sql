-- A catalog publication stores its versions 500 to a statement. The row triggers on allowlist_version
-- (announcing the customer, keeping allowlist_state) ran two PL/pgSQL calls and a statement each per
-- row: about a third of PostgreSQL's CPU in a publication over 100,000 customers. For inserts they now
-- run once per statement over its rows (a transition table); updates and deletes keep the row trigger.
-- What they do is unchanged: an inserted version announces its customer, and the state takes the
-- highest number as the newest and, when nothing was pending, the lowest new one as pending since.
DROP TRIGGER allowlist_version_notify ON allowlist_version;
CREATE TRIGGER allowlist_version_notify AFTER UPDATE OR DELETE ON allowlist_version
    FOR EACH ROW EXECUTE FUNCTION portal_notify_customer_child();

CREATE FUNCTION portal_notify_inserted_versions() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('portal_changes', c.customer_id::text) FROM (SELECT DISTINCT customer_id FROM inserted) c;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER allowlist_version_notify_inserted AFTER INSERT ON allowlist_version
    REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION portal_notify_inserted_versions();

CREATE FUNCTION portal_state_after_versions() RETURNS trigger AS $$
BEGIN
    INSERT INTO allowlist_state AS s (partner_id, customer_id, newest, changed_at, applied, pending_since,
            pending_cause, newest_cause, warnings)
    SELECT partner_id, customer_id, max(number), (array_agg(created_at ORDER BY number DESC))[1], 0,
           (array_agg(created_at ORDER BY number))[1], (array_agg(cause ORDER BY number))[1],
           (array_agg(cause ORDER BY number DESC))[1], (array_agg(warnings NOT IN ('', '[]') ORDER BY number DESC))[1]
    FROM inserted GROUP BY partner_id, customer_id
    ON CONFLICT (partner_id, customer_id) DO UPDATE SET
        newest = EXCLUDED.newest,
        changed_at = EXCLUDED.changed_at,
        newest_cause = EXCLUDED.newest_cause,
        warnings = EXCLUDED.warnings,
        pending_since = CASE WHEN s.pending_since IS NULL AND EXCLUDED.newest > s.applied
            THEN EXCLUDED.pending_since ELSE s.pending_since END,
        pending_cause = CASE WHEN s.pending_since IS NULL AND EXCLUDED.newest > s.applied
            THEN EXCLUDED.pending_cause ELSE s.pending_cause END
    WHERE EXCLUDED.newest > s.newest;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER allowlist_version_state ON allowlist_version;
DROP FUNCTION portal_state_after_version();
CREATE TRIGGER allowlist_version_state AFTER INSERT ON allowlist_version
    REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION portal_state_after_versions();
