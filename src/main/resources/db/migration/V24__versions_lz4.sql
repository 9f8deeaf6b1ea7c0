-- A version's entries (about 8 kB of JSON) are compressed when stored. With PostgreSQL's default
-- (pglz) that compression was a quarter of PostgreSQL's CPU while a catalog publication stored
-- 100,000 versions; lz4 compresses several times faster, at a similar size for this JSON. Rows
-- already stored stay as they are (both read the same). A server built without lz4 keeps pglz.
DO $$
BEGIN
    ALTER TABLE allowlist_version ALTER COLUMN entries SET COMPRESSION lz4, ALTER COLUMN warnings SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN
    RAISE NOTICE 'lz4 is not available: allowlist versions stay compressed with pglz';
END;
$$;
