-- The dashboard's data is kept per partner for a few seconds, and dropped when a change is announced
-- (V10). Its banner of disabled notification endpoints reads subscriptions, which announced nothing:
-- an endpoint added, removed, disabled by the delivery worker or enabled again announces its partner.
CREATE FUNCTION portal_notify_subscription() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM pg_notify('portal_changes', 'subscription:' || OLD.partner_id);
    ELSE
        PERFORM pg_notify('portal_changes', 'subscription:' || NEW.partner_id);
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER subscription_notify AFTER INSERT OR DELETE OR UPDATE OF enabled, disabled_reason, target ON subscription
    FOR EACH ROW EXECUTE FUNCTION portal_notify_subscription();
