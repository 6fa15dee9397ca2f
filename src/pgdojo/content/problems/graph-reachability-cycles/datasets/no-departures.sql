-- Nothing departs from the starting airport (it only receives flights).
INSERT INTO routes (id, origin, destination) VALUES
    (1, 'LHR', 'AMS'),
    (2, 'CDG', 'AMS'),
    (3, 'LHR', 'CDG'),
    (4, 'CDG', 'LHR');
