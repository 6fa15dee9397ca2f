CREATE TABLE price_periods (
    product_id  integer   NOT NULL REFERENCES products (product_id),
    price_cents integer   NOT NULL CHECK (price_cents > 0),
    valid       tstzrange NOT NULL,
    -- A period has a start, contains at least one instant, and is written [start, end).
    CONSTRAINT price_periods_valid_shape CHECK (
        NOT isempty(valid) AND NOT lower_inf(valid) AND lower_inc(valid) AND NOT upper_inc(valid)
    ),
    -- No two periods of one product share an instant; two open periods always would.
    CONSTRAINT price_periods_no_overlap
        EXCLUDE USING gist (product_id WITH =, valid WITH &&)
);
