-- Hibernate loads a customer's licenses and hosts by customer_id alone (collection loads carry no
-- tenant condition), which the (partner_id, customer_id, ...) keys cannot serve: without these,
-- every customer page and allowlist scanned the whole host table (bench/run.sh, 100k customers).
CREATE INDEX mcs_host_customer_idx ON mcs_host (customer_id);
CREATE INDEX customer_license_customer_idx ON customer_license (customer_id);
CREATE INDEX installer_log_upload_customer_idx ON installer_log_upload (customer_id, last_uploaded_at DESC);
