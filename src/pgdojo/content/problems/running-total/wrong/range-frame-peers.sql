-- expect: wrong_answer on same-day-ties
-- mistake: range-frame-peers
-- ORDER BY date alone: the default RANGE frame sums every same-date peer at once.
SELECT id, date, amount, SUM(amount) OVER (ORDER BY date) AS running_total
FROM transactions
ORDER BY date, id;
