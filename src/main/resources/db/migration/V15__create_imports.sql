-- Onboarding a book of customers: an uploaded customer list kept between its preview and its apply,
-- and the files of a batch of installer logs, kept until each is matched to a customer.

CREATE TABLE customer_import (
    id           bigserial PRIMARY KEY,
    partner_id   varchar(63)  NOT NULL,
    file_name    varchar(255) NOT NULL,
    size_bytes   bigint       NOT NULL,
    sha256       varchar(64)  NOT NULL,
    content      bytea        NOT NULL,
    created_by   varchar(255) NOT NULL,
    created_at   timestamptz  NOT NULL,
    applied_at   timestamptz
);
CREATE INDEX customer_import_partner_idx ON customer_import (partner_id, id DESC);

CREATE TABLE installer_log_batch_file (
    id           bigserial PRIMARY KEY,
    partner_id   varchar(63)  NOT NULL,
    batch        varchar(36)  NOT NULL,
    name         varchar(512) NOT NULL,
    content      bytea,
    created_by   varchar(255) NOT NULL,
    created_at   timestamptz  NOT NULL,
    customer_id  bigint,
    upload_id    bigint,
    status       varchar(20)  NOT NULL CHECK (status IN ('ingested', 'repeated', 'unmatched', 'refused')),
    message      text
);
CREATE INDEX installer_log_batch_file_idx ON installer_log_batch_file (partner_id, batch, id);

DO $$
DECLARE
    tenant_table text;
BEGIN
    FOREACH tenant_table IN ARRAY ARRAY['customer_import', 'installer_log_batch_file'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', tenant_table);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', tenant_table);
        EXECUTE format('CREATE POLICY tenant ON %I USING (partner_id = portal_tenant()) '
            || 'WITH CHECK (partner_id = portal_tenant())', tenant_table);
    END LOOP;
END
$$;
GRANT SELECT, INSERT, UPDATE, DELETE ON customer_import, installer_log_batch_file TO allowlist_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO allowlist_app;
