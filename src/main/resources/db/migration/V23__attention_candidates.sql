-- The dashboard's "needs attention" list starts from the customers that ever had a failed check or a
-- reconciliation with missing entries, found in these partial indexes, and only then looks up each
-- one's latest report and reconciliation. It used to look up both for every customer of the partner
-- (1,000 index probes and 2 ms of PostgreSQL per dashboard at 500 customers, most of them never checked).
CREATE INDEX check_report_failed_idx ON check_report (partner_id, customer_id) WHERE failed > 0;
CREATE INDEX reconciliation_missing_idx ON reconciliation (partner_id, customer_id) WHERE missing > 0;

-- The dashboard's customers with warnings, newest first, ten of them: read in the index's order instead of
-- joining and sorting all the partner's customers (0.5 ms at 500 customers that all have warnings).
CREATE INDEX allowlist_state_warned_idx ON allowlist_state (partner_id, changed_at DESC, customer_id) WHERE warnings;
