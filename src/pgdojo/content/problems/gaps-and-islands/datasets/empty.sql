-- No events at all: the table stays empty.
SELECT 1 WHERE false;
