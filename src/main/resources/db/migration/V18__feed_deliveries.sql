-- Feed pulls are counted, deliveries are audited: a pull that serves a version (by its ETag) this feed
-- has not served to this client address before writes one audit event and one row here; every other
-- pull only moves the feed's counters (kept in memory, flushed every few seconds).
ALTER TABLE feed ADD COLUMN not_modified_count bigint NOT NULL DEFAULT 0, ADD COLUMN last_client varchar(64);

CREATE TABLE feed_delivery (
    partner_id   varchar(63)  NOT NULL,
    feed_id      bigint       NOT NULL REFERENCES feed (id) ON DELETE CASCADE,
    etag         varchar(100) NOT NULL,
    client       varchar(64)  NOT NULL,
    version      int          NOT NULL,
    delivered_at timestamptz  NOT NULL,
    PRIMARY KEY (partner_id, feed_id, etag, client)
);

ALTER TABLE feed_delivery ENABLE ROW LEVEL SECURITY;
ALTER TABLE feed_delivery FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON feed_delivery USING (partner_id = portal_tenant()) WITH CHECK (partner_id = portal_tenant());
GRANT SELECT, INSERT, DELETE ON feed_delivery TO allowlist_app;
