-- The firewall or proxy the customer's traffic passes (optional): the customer page leads with its export.
ALTER TABLE customer ADD COLUMN firewall_product varchar(40)
    CHECK (firewall_product IN ('panos', 'fortigate', 'cisco', 'sophos-firewall', 'squid'));
