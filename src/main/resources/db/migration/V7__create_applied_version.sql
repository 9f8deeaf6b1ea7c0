-- Which allowlist version a partner has put on the customer's firewall, as a history (latest wins).
CREATE TABLE applied_version (
    id          bigserial PRIMARY KEY,
    partner_id  varchar(63)  NOT NULL,
    customer_id bigint       NOT NULL,
    number      integer      NOT NULL,
    applied_by  varchar(255) NOT NULL,
    applied_at  timestamptz  NOT NULL,
    FOREIGN KEY (partner_id, customer_id) REFERENCES customer (partner_id, id) ON DELETE CASCADE
);
CREATE INDEX applied_version_customer_idx ON applied_version (partner_id, customer_id, id DESC);
CREATE INDEX allowlist_version_created_idx ON allowlist_version (partner_id, created_at);
