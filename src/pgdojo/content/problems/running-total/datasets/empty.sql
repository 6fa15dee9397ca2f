-- No transactions: the table stays empty.
SELECT 1 WHERE false;
