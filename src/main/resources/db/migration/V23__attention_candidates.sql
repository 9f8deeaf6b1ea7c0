-- The dashboard's "needs attention" list starts from the customers that ever had a failed check or a
-- reconciliation with missing entries, found in these partial indexes, and only then looks up each
-- one's latest report and reconciliation. It used to look up both for every customer of the partner
-- (1,000 index probes and 2 ms of PostgreSQL per dashboard at 500 customers, most of them never checked).
CREATE INDEX check_report_failed_idx ON check_report (partner_id, customer_id) WHERE failed > 0;
CREATE INDEX reconciliation_missing_idx ON reconciliation (partner_id, customer_id) WHERE missing > 0;
