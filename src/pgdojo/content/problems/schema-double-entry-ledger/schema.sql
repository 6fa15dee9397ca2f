CREATE TABLE accounts (
    account_id bigint  PRIMARY KEY,
    owner      text    NOT NULL,
    currency   char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$')
);

INSERT INTO accounts (account_id, owner, currency) VALUES
    (1, 'Acme wallet',          'EUR'),
    (2, 'Acme payouts',         'EUR'),
    (3, 'Globex wallet',        'USD'),
    (4, 'Platform fees (USD)',  'USD');
