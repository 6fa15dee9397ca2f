-- expect: wrong_answer on weekend-gaps
-- Joins to the calendar day before: after a weekend or holiday there is no such row.
SELECT c.ticker, c.trade_date, c.close,
       p.close AS prev_close,
       c.close - p.close AS change,
       round(100 * (c.close - p.close) / p.close, 2) AS change_pct
FROM daily_prices AS c
LEFT JOIN daily_prices AS p
       ON p.ticker = c.ticker
      AND p.trade_date = c.trade_date - 1
ORDER BY c.ticker, c.trade_date;
