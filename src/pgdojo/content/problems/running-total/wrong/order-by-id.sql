-- expect: wrong_answer on ids-out-of-date-order
-- Assumes ids follow time: they do not.
SELECT id, date, amount, SUM(amount) OVER (ORDER BY id) AS running_total
FROM transactions
ORDER BY id;
