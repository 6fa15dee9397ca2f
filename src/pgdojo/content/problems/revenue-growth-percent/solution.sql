WITH monthly AS (
    SELECT date_trunc('month', paid_at) AS month, sum(amount_cents) AS revenue_cents
    FROM payments
    GROUP BY 1
),
months AS (
    SELECT generate_series(min(month), max(month), interval '1 month') AS month
    FROM monthly
),
filled AS (
    SELECT m.month, coalesce(r.revenue_cents, 0) AS revenue_cents
    FROM months AS m
    LEFT JOIN monthly AS r ON r.month = m.month
)
SELECT month::date AS month,
       revenue_cents,
       round(100.0 * (revenue_cents - lag(revenue_cents) OVER w)
                   / nullif(lag(revenue_cents) OVER w, 0), 1) AS growth_pct
FROM filled
WINDOW w AS (ORDER BY month)
ORDER BY month;
