INSERT INTO transfers (transfer_id, requested_by, idempotency_key, created_at) VALUES
    (1, 1, 'b7f1c0de-0001', '2026-03-02 10:00+00'),
    (2, 3, 'order-8812',    '2026-03-02 10:05+00');

INSERT INTO entries (transfer_id, leg, account_id, direction, amount_minor, currency) VALUES
    (1, 1, 1, 'debit',  2500, 'EUR'),
    (1, 2, 2, 'credit', 2500, 'EUR'),
    (2, 1, 3, 'debit',  9900, 'USD'),
    (2, 2, 4, 'credit', 9900, 'USD');
