-- A ten-level chain of sub-assemblies, each used twice by its parent, with a screw at every level.
INSERT INTO parts (id, name) VALUES (1, 'e-scooter'), (100, 'screw M3'), (200, 'washer');
INSERT INTO parts (id, name)
SELECT g, 'module level ' || g FROM generate_series(2, 11) AS g;
INSERT INTO bom (assembly_id, component_id, quantity)
SELECT g - 1, g, 2 FROM generate_series(2, 11) AS g;
INSERT INTO bom (assembly_id, component_id, quantity)
SELECT g, 100, 1 FROM generate_series(2, 11) AS g;
INSERT INTO bom (assembly_id, component_id, quantity) VALUES (11, 200, 3);
