-- expect: error on month-without-payments
-- Fills the gaps but divides by a zero previous month: division_by_zero instead of NULL.
WITH monthly AS (
    SELECT date_trunc('month', paid_at) AS month, sum(amount_cents) AS revenue_cents
    FROM payments GROUP BY 1
),
filled AS (
    SELECT m.month, coalesce(r.revenue_cents, 0) AS revenue_cents
    FROM (SELECT generate_series(min(month), max(month), interval '1 month') AS month
          FROM monthly) AS m
    LEFT JOIN monthly AS r ON r.month = m.month
)
SELECT month::date AS month, revenue_cents,
       round(100.0 * (revenue_cents - lag(revenue_cents) OVER w) / lag(revenue_cents) OVER w, 1)
           AS growth_pct
FROM filled
WINDOW w AS (ORDER BY month)
ORDER BY month;
