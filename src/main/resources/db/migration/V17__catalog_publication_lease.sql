-- A publication's run belongs to the instance holding its lease, renewed with every batch (in the
-- batch's transaction, under the run's row lock). When the lease runs out, because the instance died
-- or stopped, another instance takes the run over from its cursor; a batch is never applied twice.
ALTER TABLE catalog_publication ADD COLUMN owner varchar(100), ADD COLUMN lease_until timestamptz;
