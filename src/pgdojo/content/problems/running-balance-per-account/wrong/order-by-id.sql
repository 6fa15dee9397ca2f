-- expect: wrong_answer on backdated-entries
-- Orders each account's history by id, assuming ids follow posting time.
SELECT account_id, id, posted_at, amount,
       sum(amount) OVER w AS balance,
       round(avg(amount) OVER (w ROWS BETWEEN 2 PRECEDING AND CURRENT ROW), 2) AS avg_last_3
FROM ledger
WINDOW w AS (PARTITION BY account_id ORDER BY id)
ORDER BY account_id, posted_at, id;
