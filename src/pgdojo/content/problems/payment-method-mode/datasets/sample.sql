INSERT INTO payments (id, country, method) VALUES
    (1, 'DE', 'sepa'), (2, 'DE', 'sepa'), (3, 'DE', 'card'), (4, 'DE', 'paypal'),
    (5, 'DE', 'sepa'), (6, 'NL', 'ideal'), (7, 'NL', 'ideal'), (8, 'NL', 'card'),
    (9, 'US', 'card'), (10, 'US', 'card'), (11, 'US', 'apple-pay');
