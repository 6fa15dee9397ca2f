SELECT account_id,
       id,
       posted_at,
       amount,
       sum(amount) OVER running AS balance,
       round(avg(amount) OVER last_three, 2) AS avg_last_3
FROM ledger
WINDOW running    AS (PARTITION BY account_id ORDER BY posted_at, id
                      ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW),
       last_three AS (PARTITION BY account_id ORDER BY posted_at, id
                      ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)
ORDER BY account_id, posted_at, id;
