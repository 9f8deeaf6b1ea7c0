-- Immutable snapshots of a customer's allowlist: a new one only when the content changes.
CREATE TABLE allowlist_version (
    id              bigserial PRIMARY KEY,
    partner_id      varchar(63)  NOT NULL,
    customer_id     bigint       NOT NULL,
    number          integer      NOT NULL,
    content_hash    varchar(64)  NOT NULL,
    catalog_version varchar(100) NOT NULL,
    entries         text         NOT NULL,
    warnings        text         NOT NULL,
    cause           varchar(40)  NOT NULL,
    actor           varchar(255) NOT NULL,
    created_at      timestamptz  NOT NULL,
    FOREIGN KEY (partner_id, customer_id) REFERENCES customer (partner_id, id) ON DELETE CASCADE,
    UNIQUE (partner_id, customer_id, number)
);
