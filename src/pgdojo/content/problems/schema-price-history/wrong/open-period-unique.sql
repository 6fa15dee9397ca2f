-- expect: wrong_answer on overlap
-- "One current price per product" as a partial unique index: it stops two open periods, but closed periods may overlap at will.
CREATE TABLE price_periods (
    product_id  integer   NOT NULL REFERENCES products (product_id),
    price_cents integer   NOT NULL CHECK (price_cents > 0),
    valid       tstzrange NOT NULL
        CHECK (NOT isempty(valid) AND NOT lower_inf(valid) AND lower_inc(valid) AND NOT upper_inc(valid))
);
CREATE UNIQUE INDEX ON price_periods (product_id) WHERE upper_inf(valid);
CREATE INDEX ON price_periods USING gist (product_id, valid);
