CREATE TABLE cost_centers (
    id   text PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN ('shared', 'product'))
);

CREATE TABLE direct_costs (
    id     integer       PRIMARY KEY,
    center text          NOT NULL REFERENCES cost_centers (id),
    amount numeric(12,2) NOT NULL
);

CREATE TABLE allocations (
    from_center text         NOT NULL REFERENCES cost_centers (id),
    to_center   text         NOT NULL REFERENCES cost_centers (id),
    share       numeric(5,4) NOT NULL CHECK (share > 0 AND share <= 1),
    PRIMARY KEY (from_center, to_center)
);
