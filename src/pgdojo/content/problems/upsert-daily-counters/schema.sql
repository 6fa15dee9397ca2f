CREATE TABLE pages (
    page_id integer PRIMARY KEY,
    path    text    NOT NULL UNIQUE
);

CREATE TABLE page_views_daily (
    page_id integer NOT NULL REFERENCES pages,
    day     date    NOT NULL,          -- UTC calendar day
    views   bigint  NOT NULL,
    PRIMARY KEY (page_id, day)
);

CREATE TABLE raw_hits (
    hit_id     bigint      PRIMARY KEY,
    page_id    integer     NOT NULL REFERENCES pages,
    hit_at     timestamptz NOT NULL,
    local_date date        NOT NULL   -- the visitor's own calendar date, from the browser
);
