-- Both wheels use the same tyre and the same number of bearings.
INSERT INTO parts (id, name) VALUES
    (1, 'e-scooter'),
    (2, 'front wheel'),
    (3, 'rear wheel'),
    (4, 'tyre 10in'),
    (5, 'bearing'),
    (6, 'hub motor'),
    (7, 'valve');
INSERT INTO bom (assembly_id, component_id, quantity) VALUES
    (1, 2, 1),
    (1, 3, 1),
    (2, 4, 1),
    (2, 5, 2),
    (2, 7, 1),
    (3, 4, 1),
    (3, 5, 2),
    (3, 6, 1),
    (1, 7, 1);
