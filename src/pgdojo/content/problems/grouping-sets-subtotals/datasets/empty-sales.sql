-- A new fiscal year: no sales yet.
SELECT 1 WHERE false;
