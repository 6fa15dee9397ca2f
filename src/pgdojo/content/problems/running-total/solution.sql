SELECT id,
       date,
       amount,
       SUM(amount) OVER (ORDER BY date, id) AS running_total
FROM transactions
ORDER BY date, id;
