-- expect: wrong_answer on empty-range
-- The exclusion constraint alone: an empty range overlaps nothing, so it is never excluded.
CREATE TABLE price_periods (
    product_id  integer   NOT NULL REFERENCES products (product_id),
    price_cents integer   NOT NULL CHECK (price_cents > 0),
    valid       tstzrange NOT NULL,
    EXCLUDE USING gist (product_id WITH =, valid WITH &&)
);
