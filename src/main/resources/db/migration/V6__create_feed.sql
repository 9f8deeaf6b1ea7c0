-- A read-only URL a firewall polls for one customer's export; only the token's SHA-256 is stored.
CREATE TABLE feed (
    id             bigserial PRIMARY KEY,
    partner_id     varchar(63)  NOT NULL,
    customer_id    bigint       NOT NULL,
    format         varchar(40)  NOT NULL,
    token_hash     varchar(64)  NOT NULL UNIQUE,
    created_by     varchar(255) NOT NULL,
    created_at     timestamptz  NOT NULL,
    revoked_at     timestamptz,
    last_pulled_at timestamptz,
    pull_count     bigint       NOT NULL DEFAULT 0,
    FOREIGN KEY (partner_id, customer_id) REFERENCES customer (partner_id, id) ON DELETE CASCADE
);
CREATE INDEX feed_customer_idx ON feed (partner_id, customer_id);
