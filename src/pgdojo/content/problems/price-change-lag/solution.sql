SELECT ticker,
       trade_date,
       close,
       prev_close,
       close - prev_close                             AS change,
       round(100 * (close - prev_close) / prev_close, 2) AS change_pct
FROM (
    SELECT ticker,
           trade_date,
           close,
           lag(close) OVER (PARTITION BY ticker ORDER BY trade_date) AS prev_close
    FROM daily_prices
) AS p
ORDER BY ticker, trade_date;
