-- The catalogue holds other products that share some sub-assemblies with the e-scooter.
INSERT INTO parts (id, name) VALUES
    (1,  'e-scooter'),
    (2,  'controller'),
    (3,  'throttle'),
    (4,  'pcb'),
    (5,  'mosfet'),
    (6,  'grip'),
    (20, 'e-bike'),
    (21, 'pedal'),
    (22, 'crank'),
    (30, 'controller kit'),
    (31, 'manual');
INSERT INTO bom (assembly_id, component_id, quantity) VALUES
    (1,  2, 1),
    (1,  3, 1),
    (2,  4, 1),
    (2,  5, 6),
    (3,  6, 1),
    (20, 2, 1),
    (20, 21, 2),
    (20, 22, 2),
    (20, 6, 2),
    (30, 2, 1),
    (30, 31, 1);
