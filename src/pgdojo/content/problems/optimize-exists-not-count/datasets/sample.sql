-- 1,010 stores, 60 of them in the north; 150,000 sales since 2024-01-01, about 150 per store.
-- The tills upload in batches, so the table is in no particular time order. Every hundredth
-- store closed at the end of September 2025, and the last ten opened without a sale yet.
-- Deterministic: no random().
INSERT INTO stores (store_id, name, city, region)
SELECT i,
       'Store #' || i,
       (ARRAY['Oslo', 'Bergen', 'Lyon', 'Porto', 'Graz', 'Turku', 'Gent', 'Brno'])[1 + i % 8],
       CASE WHEN i % 20 = 0 OR i > 1000 THEN 'north'
            ELSE (ARRAY['south', 'east', 'west'])[1 + i % 3] END
FROM generate_series(1, 1010) AS g(i);
INSERT INTO sales (sale_id, store_id, sold_at, amount)
SELECT i, store_id, sold_at, ((i * 37) % 20000) / 100.0 + 1
FROM (SELECT i,
             1 + (i * 1919) % 1000 AS store_id,
             timestamptz '2024-01-01 00:00:00+00' + ((i * 7919) % 150000) * interval '8 minutes' AS sold_at
      FROM generate_series(1, 150000) AS g(i)) AS s
WHERE NOT (store_id % 100 = 0 AND sold_at >= '2025-10-01 00:00:00+00');
CREATE INDEX sales_store_id_idx ON sales (store_id);
