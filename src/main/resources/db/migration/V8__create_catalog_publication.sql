-- Publishing a catalog version: new allowlist versions for every affected customer, partner by
-- partner in batches; the cursor (last partner, last customer) makes an interrupted run resumable.
CREATE TABLE catalog_publication (
    id               bigserial PRIMARY KEY,
    catalog_version  varchar(100) NOT NULL REFERENCES catalog_version (id),
    previous_version varchar(100),
    status           varchar(20)  NOT NULL CHECK (status IN ('RUNNING', 'DONE', 'FAILED')),
    total            integer      NOT NULL,
    done             integer      NOT NULL DEFAULT 0,
    changed          integer      NOT NULL DEFAULT 0,
    last_partner     varchar(63)  NOT NULL DEFAULT '',
    last_customer_id bigint       NOT NULL DEFAULT 0,
    started_by       varchar(255) NOT NULL,
    started_at       timestamptz  NOT NULL,
    finished_at      timestamptz,
    error            varchar(1000)
);
