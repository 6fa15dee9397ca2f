-- 120,000 listings of a garden and DIY marketplace; titles were lower-cased by the old importer.
-- One listing in 2,000 is a hose reel. Deterministic: no random().
INSERT INTO products (product_id, name, details, seller_id, price)
SELECT i,
       CASE WHEN i % 2000 = 17
            THEN (ARRAY['wall-mounted', 'portable', 'retractable'])[1 + i % 3] || ' garden hose reel '
                 || (ARRAY['20 m', '30 m', '45 m'])[1 + (i / 7) % 3]
            ELSE (ARRAY['heavy duty', 'compact', 'cordless', 'galvanised', 'ergonomic', 'premium',
                        'classic', 'foldable'])[1 + i % 8] || ' '
                 || (ARRAY['garden hose', 'hose nozzle', 'lawn mower', 'hedge trimmer', 'fishing reel',
                           'tape measure', 'pressure washer', 'leaf blower', 'cable reel', 'hose connector',
                           'spray gun', 'watering can'])[1 + (i * 7) % 12] || ' '
                 || (ARRAY['set', 'kit', 'with bag', 'for balconies', 'xl', 'model ' || i % 500])[1 + (i * 11) % 6]
       END,
       'Listing ' || i || '. Sold by a verified seller; dispatched within ' || 1 + i % 4
           || ' working days. Returns accepted for 30 days in the original packaging. Spare parts '
           || 'and accessories are listed separately; check compatibility before ordering.',
       1 + (i * 31) % 900,
       ((i * 4111) % 30000) / 100.0 + 2
FROM generate_series(1, 120000) AS g(i);
