-- Two exchanges with different holidays: each ticker's previous trading day is its own.
INSERT INTO daily_prices (id, ticker, trade_date, close) VALUES
    (1,  'JADE', '2026-05-22', 60.00),
    (2,  'KITE', '2026-05-22', 10.00),
    (3,  'JADE', '2026-05-26', 61.20),
    (4,  'KITE', '2026-05-25', 10.50),
    (5,  'KITE', '2026-05-26', 10.29),
    (6,  'JADE', '2026-05-27', 63.00),
    (7,  'KITE', '2026-05-27', 10.80),
    (8,  'JADE', '2026-05-28', 62.37),
    (9,  'KITE', '2026-05-29', 11.88),
    (10, 'JADE', '2026-05-29', 64.00);
