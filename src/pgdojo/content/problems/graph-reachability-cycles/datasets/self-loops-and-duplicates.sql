-- Sightseeing flights that return to their own airport, and routes flown by several airlines.
INSERT INTO routes (id, origin, destination) VALUES
    (1, 'AMS', 'KEF'),
    (2, 'AMS', 'KEF'),
    (3, 'KEF', 'KEF'),
    (4, 'KEF', 'JFK'),
    (5, 'KEF', 'JFK'),
    (6, 'JFK', 'JFK'),
    (7, 'JFK', 'KEF'),
    (8, 'AMS', 'JFK'),
    (9, 'YYZ', 'YYZ');
