CREATE TABLE daily_prices (
    id         bigint        PRIMARY KEY,
    ticker     text          NOT NULL,
    trade_date date          NOT NULL,
    close      numeric(12,2) NOT NULL CHECK (close > 0),
    UNIQUE (ticker, trade_date)
);
