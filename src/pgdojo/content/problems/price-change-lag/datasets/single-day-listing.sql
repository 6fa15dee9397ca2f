INSERT INTO daily_prices (id, ticker, trade_date, close) VALUES
    (1, 'GLOW', '2026-06-01', 75.00),
    (2, 'GLOW', '2026-06-02', 72.00),
    (3, 'GLOW', '2026-06-03', 73.44),
    (4, 'HIVE', '2026-06-03', 41.00),
    (5, 'IRIS', '2026-06-01',  5.00),
    (6, 'IRIS', '2026-06-02',  5.05);
