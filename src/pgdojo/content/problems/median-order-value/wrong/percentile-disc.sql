-- expect: wrong_answer on even-count
-- percentile_disc returns an actual row's value: with an even count it is the lower middle, not the mean of both.
SELECT region,
       percentile_disc(0.5) WITHIN GROUP (ORDER BY amount) AS median_amount
FROM orders
GROUP BY region;
