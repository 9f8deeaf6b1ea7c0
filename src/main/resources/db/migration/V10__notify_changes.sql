-- Every instance keeps customers' current allowlists in memory. Whatever changes what they serve
-- (the customer, its licenses, MCS hosts, allowlist versions, the applied version, feeds, the
-- current catalog) announces
-- the customer's id on channel portal_changes. NOTIFY is transactional: listeners hear it only when
-- the change commits, and never for a rollback. Triggers, not application code, so that no writer
-- (a service, a script, an operator's SQL) can forget it.
CREATE FUNCTION portal_notify_customer() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM pg_notify('portal_changes', OLD.id::text);
    ELSE
        PERFORM pg_notify('portal_changes', NEW.id::text);
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION portal_notify_customer_child() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM pg_notify('portal_changes', OLD.customer_id::text);
    ELSE
        PERFORM pg_notify('portal_changes', NEW.customer_id::text);
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION portal_notify_catalog() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('portal_changes', 'catalog');
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER customer_notify AFTER INSERT OR UPDATE OR DELETE ON customer
    FOR EACH ROW EXECUTE FUNCTION portal_notify_customer();
CREATE TRIGGER customer_license_notify AFTER INSERT OR UPDATE OR DELETE ON customer_license
    FOR EACH ROW EXECUTE FUNCTION portal_notify_customer_child();
CREATE TRIGGER mcs_host_notify AFTER INSERT OR UPDATE OR DELETE ON mcs_host
    FOR EACH ROW EXECUTE FUNCTION portal_notify_customer_child();
CREATE TRIGGER allowlist_version_notify AFTER INSERT OR UPDATE OR DELETE ON allowlist_version
    FOR EACH ROW EXECUTE FUNCTION portal_notify_customer_child();
CREATE TRIGGER applied_version_notify AFTER INSERT OR UPDATE OR DELETE ON applied_version
    FOR EACH ROW EXECUTE FUNCTION portal_notify_customer_child();
-- a pull only counts (pull_count, last_pulled_at): that changes nothing served
CREATE TRIGGER feed_notify AFTER INSERT OR DELETE OR UPDATE OF customer_id, format, token_hash, revoked_at ON feed
    FOR EACH ROW EXECUTE FUNCTION portal_notify_customer_child();
CREATE TRIGGER catalog_version_notify AFTER INSERT OR UPDATE OF current, content ON catalog_version
    FOR EACH STATEMENT EXECUTE FUNCTION portal_notify_catalog();
