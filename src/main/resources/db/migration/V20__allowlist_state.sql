-- Where each customer's firewall stands, one row per customer: the newest allowlist version, the one
-- recorded as applied, and since when (and why) a version waits to be applied. The dashboard's work
-- queue and the customer list sort and filter on it; without it, each would look up every customer's
-- newest and applied version on every visit.
--
-- Kept by triggers on allowlist_version and applied_version, like the change announcements of V10, so
-- that no writer (the portal, a catalog publication, an operator's SQL) can leave it behind.
--   newest         the highest version number (versions are only ever added)
--   changed_at     when the newest version was made ("last change")
--   applied        the number of the latest applied_version row, 0 when none
--   pending_since  when the oldest version after the applied one was made; NULL when nothing waits
--   pending_cause  that version's cause (customer-created, catalog-published, ...)
--   newest_cause   the newest version's cause
--   warnings       whether the newest version carries warnings
CREATE TABLE allowlist_state (
    partner_id    varchar(63) NOT NULL,
    customer_id   bigint      NOT NULL,
    newest        integer     NOT NULL,
    changed_at    timestamptz NOT NULL,
    applied       integer     NOT NULL DEFAULT 0,
    pending_since timestamptz,
    pending_cause varchar(40),
    newest_cause  varchar(40) NOT NULL,
    warnings      boolean     NOT NULL DEFAULT false,
    PRIMARY KEY (partner_id, customer_id),
    FOREIGN KEY (partner_id, customer_id) REFERENCES customer (partner_id, id) ON DELETE CASCADE
);
CREATE INDEX allowlist_state_pending_idx ON allowlist_state (partner_id, pending_since, customer_id)
    WHERE pending_since IS NOT NULL;

CREATE FUNCTION portal_state_after_version() RETURNS trigger AS $$
BEGIN
    INSERT INTO allowlist_state AS s (partner_id, customer_id, newest, changed_at, applied, pending_since,
            pending_cause, newest_cause, warnings)
    VALUES (NEW.partner_id, NEW.customer_id, NEW.number, NEW.created_at, 0, NEW.created_at, NEW.cause, NEW.cause,
            NEW.warnings NOT IN ('', '[]'))
    ON CONFLICT (partner_id, customer_id) DO UPDATE SET
        newest = EXCLUDED.newest,
        changed_at = EXCLUDED.changed_at,
        newest_cause = EXCLUDED.newest_cause,
        warnings = EXCLUDED.warnings,
        pending_since = CASE WHEN s.pending_since IS NULL AND EXCLUDED.newest > s.applied
            THEN EXCLUDED.changed_at ELSE s.pending_since END,
        pending_cause = CASE WHEN s.pending_since IS NULL AND EXCLUDED.newest > s.applied
            THEN EXCLUDED.pending_cause ELSE s.pending_cause END
    WHERE EXCLUDED.newest > s.newest;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

-- The latest applied row wins (as ChangeReports reads it); what waits is then the version after it.
CREATE FUNCTION portal_state_after_applied() RETURNS trigger AS $$
BEGIN
    UPDATE allowlist_state s SET applied = NEW.number,
        pending_since = (SELECT v.created_at FROM allowlist_version v WHERE v.partner_id = NEW.partner_id
            AND v.customer_id = NEW.customer_id AND v.number = NEW.number + 1),
        pending_cause = (SELECT v.cause FROM allowlist_version v WHERE v.partner_id = NEW.partner_id
            AND v.customer_id = NEW.customer_id AND v.number = NEW.number + 1)
    WHERE s.partner_id = NEW.partner_id AND s.customer_id = NEW.customer_id;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER allowlist_version_state AFTER INSERT ON allowlist_version
    FOR EACH ROW EXECUTE FUNCTION portal_state_after_version();
CREATE TRIGGER applied_version_state AFTER INSERT ON applied_version
    FOR EACH ROW EXECUTE FUNCTION portal_state_after_applied();

-- what is there already
INSERT INTO allowlist_state (partner_id, customer_id, newest, changed_at, applied, newest_cause, warnings)
SELECT DISTINCT ON (v.partner_id, v.customer_id) v.partner_id, v.customer_id, v.number, v.created_at,
       coalesce((SELECT a.number FROM applied_version a WHERE a.partner_id = v.partner_id
                 AND a.customer_id = v.customer_id ORDER BY a.id DESC LIMIT 1), 0),
       v.cause, v.warnings NOT IN ('', '[]')
FROM allowlist_version v ORDER BY v.partner_id, v.customer_id, v.number DESC;
UPDATE allowlist_state s SET pending_since = v.created_at, pending_cause = v.cause
FROM allowlist_version v
WHERE v.partner_id = s.partner_id AND v.customer_id = s.customer_id AND v.number = s.applied + 1;

ALTER TABLE allowlist_state ENABLE ROW LEVEL SECURITY;
ALTER TABLE allowlist_state FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON allowlist_state USING (partner_id = portal_tenant()) WITH CHECK (partner_id = portal_tenant());
-- written by the triggers only, in the transaction (and tenant) of the version or applied row
GRANT SELECT, INSERT, UPDATE ON allowlist_state TO allowlist_app;
