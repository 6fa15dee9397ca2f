-- The shop has not taken an order yet.
SELECT 1;
