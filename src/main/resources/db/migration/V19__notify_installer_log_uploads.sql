-- The customer page lists the customer's recent installer-log uploads from the snapshot each instance
-- keeps in memory (one query per snapshot, not one per visit): an upload, a repeated upload or a
-- removal announces the customer like the other things a snapshot is made of (V10).
CREATE TRIGGER installer_log_upload_notify AFTER INSERT OR UPDATE OR DELETE ON installer_log_upload
    FOR EACH ROW EXECUTE FUNCTION portal_notify_customer_child();
