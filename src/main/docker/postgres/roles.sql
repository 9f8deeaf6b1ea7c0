-- The roles the portal's migrations expect (V12), created by the database's administrator before
-- the first start, as a production deployment would: allowlist_app is the portal's login (row-level
-- security applies to it), allowlist_crosstenant owns the few cross-partner functions, and the owner
-- (here "portal", who runs the migrations) must be able to hand those functions over to it.
CREATE ROLE allowlist_app LOGIN PASSWORD 'allowlist_app' NOSUPERUSER NOBYPASSRLS;
CREATE ROLE allowlist_crosstenant NOLOGIN NOSUPERUSER NOBYPASSRLS;
GRANT allowlist_crosstenant TO portal;
