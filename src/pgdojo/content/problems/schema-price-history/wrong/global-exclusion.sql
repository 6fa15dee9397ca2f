-- expect: wrong_answer on sample
-- The exclusion constraint forgets the product: two products can never have a price at the same time, so even the sample rows collide.
CREATE TABLE price_periods (
    product_id  integer   NOT NULL REFERENCES products (product_id),
    price_cents integer   NOT NULL CHECK (price_cents > 0),
    valid       tstzrange NOT NULL
        CHECK (NOT isempty(valid) AND NOT lower_inf(valid) AND lower_inc(valid) AND NOT upper_inc(valid)),
    EXCLUDE USING gist (valid WITH &&)
);
CREATE INDEX ON price_periods (product_id);
