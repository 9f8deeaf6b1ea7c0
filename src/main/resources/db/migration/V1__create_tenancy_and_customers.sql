-- Partners are the tenants; their id is the slug the identity provider issues (immutable).
CREATE TABLE partner (
    id           varchar(63) PRIMARY KEY CHECK (id ~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$'),
    display_name varchar(200) NOT NULL,
    created_at   timestamptz  NOT NULL DEFAULT now()
);

-- People seen logging in for a partner, for display and audit (the IdP stays the source of truth).
CREATE TABLE member (
    id            bigserial PRIMARY KEY,
    partner_id    varchar(63)  NOT NULL REFERENCES partner (id),
    subject       varchar(255) NOT NULL,
    display_name  varchar(255),
    email         varchar(320),
    role          varchar(40)  NOT NULL,
    first_seen_at timestamptz  NOT NULL,
    last_login_at timestamptz  NOT NULL,
    UNIQUE (partner_id, subject)
);

CREATE TABLE customer (
    id                    bigserial PRIMARY KEY,
    partner_id            varchar(63)   NOT NULL REFERENCES partner (id),
    name                  varchar(200)  NOT NULL,
    external_reference    varchar(100),
    notes                 varchar(4000),
    regions               varchar(40)[] NOT NULL DEFAULT '{}',
    wildcard_support      boolean       NOT NULL DEFAULT false,
    uses_active_directory boolean       NOT NULL DEFAULT false,
    tls_inspection        boolean       NOT NULL DEFAULT false,
    application_filtering boolean       NOT NULL DEFAULT false,
    narrow_hydra          boolean       NOT NULL DEFAULT false,
    version               integer       NOT NULL DEFAULT 0,
    created_at            timestamptz   NOT NULL,
    updated_at            timestamptz   NOT NULL,
    UNIQUE (partner_id, id)
);
CREATE INDEX customer_partner_name_idx ON customer (partner_id, lower(name), id);

CREATE TABLE customer_license (
    id          bigserial PRIMARY KEY,
    partner_id  varchar(63) NOT NULL,
    customer_id bigint      NOT NULL,
    license     varchar(20) NOT NULL CHECK (license IN ('CENTRAL', 'ENDPOINT', 'AD_SYNC', 'EDR', 'MTR')),
    FOREIGN KEY (partner_id, customer_id) REFERENCES customer (partner_id, id) ON DELETE CASCADE,
    UNIQUE (partner_id, customer_id, license)
);

CREATE TABLE mcs_host (
    id            bigserial PRIMARY KEY,
    partner_id    varchar(63)  NOT NULL,
    customer_id   bigint       NOT NULL,
    value         varchar(253) NOT NULL,
    first_seen_at timestamptz  NOT NULL,
    last_seen_at  timestamptz  NOT NULL,
    source        varchar(20)  NOT NULL CHECK (source IN ('TYPED', 'LOG_UPLOAD')),
    FOREIGN KEY (partner_id, customer_id) REFERENCES customer (partner_id, id) ON DELETE CASCADE,
    UNIQUE (partner_id, customer_id, value)
);
