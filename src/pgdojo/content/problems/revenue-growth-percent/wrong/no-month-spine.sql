-- expect: wrong_answer on month-without-payments
-- Only months with payments get a row, so lag() compares April with February.
SELECT date_trunc('month', paid_at)::date AS month,
       sum(amount_cents) AS revenue_cents,
       round(100.0 * (sum(amount_cents) - lag(sum(amount_cents)) OVER w)
                   / lag(sum(amount_cents)) OVER w, 1) AS growth_pct
FROM payments
GROUP BY 1
WINDOW w AS (ORDER BY date_trunc('month', paid_at)::date)
ORDER BY month;
