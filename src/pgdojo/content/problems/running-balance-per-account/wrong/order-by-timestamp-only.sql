-- expect: wrong_answer on same-timestamp-ties
-- mistake: range-frame-peers
-- ORDER BY posted_at alone: the default RANGE frame adds all same-timestamp postings at once.
SELECT account_id, id, posted_at, amount,
       sum(amount) OVER (PARTITION BY account_id ORDER BY posted_at) AS balance,
       round(avg(amount) OVER (PARTITION BY account_id ORDER BY posted_at, id
                               ROWS BETWEEN 2 PRECEDING AND CURRENT ROW), 2) AS avg_last_3
FROM ledger
ORDER BY account_id, posted_at, id;
