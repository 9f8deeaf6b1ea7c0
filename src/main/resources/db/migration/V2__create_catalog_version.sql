-- Immutable versions of the rule catalog (platform data, not tenant data); one is current.
CREATE TABLE catalog_version (
    id           varchar(100) PRIMARY KEY,
    content_hash varchar(64)  NOT NULL UNIQUE,
    content      text         NOT NULL,
    rule_count   integer      NOT NULL,
    loaded_at    timestamptz  NOT NULL,
    current      boolean      NOT NULL DEFAULT false
);
CREATE UNIQUE INDEX catalog_version_one_current ON catalog_version (current) WHERE current;

CREATE OR REPLACE FUNCTION catalog_version_immutable() RETURNS trigger AS $$
BEGIN
    IF NEW.id <> OLD.id OR NEW.content_hash <> OLD.content_hash OR NEW.content <> OLD.content THEN
        RAISE EXCEPTION 'catalog versions are immutable';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER catalog_version_immutable BEFORE UPDATE ON catalog_version
    FOR EACH ROW EXECUTE FUNCTION catalog_version_immutable();
