-- expect: wrong_answer on closed-bounds
-- Refuses empty periods but not inclusive ends, so a period written [a, b] collides with the next one at b.
CREATE TABLE price_periods (
    product_id  integer   NOT NULL REFERENCES products (product_id),
    price_cents integer   NOT NULL CHECK (price_cents > 0),
    valid       tstzrange NOT NULL CHECK (NOT isempty(valid)),
    EXCLUDE USING gist (product_id WITH =, valid WITH &&)
);
