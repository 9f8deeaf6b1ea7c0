-- An uploaded SophosCloudInstaller.log, as a record: never the file itself.
CREATE TABLE installer_log_upload (
    id                bigserial PRIMARY KEY,
    partner_id        varchar(63)  NOT NULL,
    customer_id       bigint       NOT NULL,
    file_name         varchar(255) NOT NULL,
    size_bytes        bigint       NOT NULL,
    sha256            varchar(64)  NOT NULL,
    encoding          varchar(20)  NOT NULL,
    line_count        integer      NOT NULL,
    hosts_found       integer      NOT NULL,
    hosts_added       integer      NOT NULL,
    hosts_known       integer      NOT NULL,
    lines_ignored     integer      NOT NULL,
    -- what the upload did, for its result page: hosts added / known, ignored lines with reasons
    result            text         NOT NULL,
    uploaded_by       varchar(255) NOT NULL,
    first_uploaded_at timestamptz  NOT NULL,
    last_uploaded_at  timestamptz  NOT NULL,
    upload_count      integer      NOT NULL DEFAULT 1,
    FOREIGN KEY (partner_id, customer_id) REFERENCES customer (partner_id, id) ON DELETE CASCADE,
    UNIQUE (partner_id, customer_id, sha256)
);
CREATE INDEX installer_log_upload_recent_idx ON installer_log_upload (partner_id, customer_id, last_uploaded_at DESC);
