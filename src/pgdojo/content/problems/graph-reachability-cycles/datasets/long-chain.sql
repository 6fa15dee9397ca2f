-- A twelve-hop chain of regional hops, closed into a loop at the end.
INSERT INTO routes (id, origin, destination) VALUES
    (1,  'AMS', 'R01'),
    (2,  'R01', 'R02'),
    (3,  'R02', 'R03'),
    (4,  'R03', 'R04'),
    (5,  'R04', 'R05'),
    (6,  'R05', 'R06'),
    (7,  'R06', 'R07'),
    (8,  'R07', 'R08'),
    (9,  'R08', 'R09'),
    (10, 'R09', 'R10'),
    (11, 'R10', 'R11'),
    (12, 'R11', 'R12'),
    (13, 'R12', 'R04'),
    (14, 'AMS', 'BRU'),
    (15, 'BRU', 'R02');
