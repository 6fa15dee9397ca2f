-- Round trips: several routes lead back to the starting airport, and it has a self-loop.
INSERT INTO routes (id, origin, destination) VALUES
    (1, 'AMS', 'AMS'),
    (2, 'AMS', 'OSL'),
    (3, 'OSL', 'AMS'),
    (4, 'OSL', 'ARN'),
    (5, 'ARN', 'HEL'),
    (6, 'HEL', 'AMS'),
    (7, 'HEL', 'OSL'),
    (8, 'CPH', 'AMS');
