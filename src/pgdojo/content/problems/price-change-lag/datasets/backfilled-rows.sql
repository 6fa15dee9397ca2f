-- The feed missed two days and re-sent them later: their ids are larger than newer days'.
INSERT INTO daily_prices (id, ticker, trade_date, close) VALUES
    (1,  'ECHO', '2026-05-04', 30.00),
    (2,  'ECHO', '2026-05-05', 31.50),
    (3,  'ECHO', '2026-05-07', 29.00),
    (4,  'ECHO', '2026-05-08', 29.87),
    (5,  'FLUX', '2026-05-04', 12.00),
    (6,  'FLUX', '2026-05-05', 12.60),
    (7,  'FLUX', '2026-05-06', 12.00),
    (8,  'FLUX', '2026-05-08', 13.20),
    (20, 'ECHO', '2026-05-06', 33.00),
    (21, 'FLUX', '2026-05-07', 15.00);
