-- An eight-level line of units with people at several levels.
INSERT INTO units (path, name) VALUES
    ('g',                 'Group'),
    ('g.d',               'Division'),
    ('g.d.b',             'Business unit'),
    ('g.d.b.a',           'Area'),
    ('g.d.b.a.t',         'Tribe'),
    ('g.d.b.a.t.s',       'Squad'),
    ('g.d.b.a.t.s.p',     'Pod'),
    ('g.d.b.a.t.s.p.w',   'Workstream'),
    ('g.d.x',             'Side division');
INSERT INTO employees (id, name, unit) VALUES
    (1, 'Group head',     'g'),
    (2, 'Tribe lead',     'g.d.b.a.t'),
    (3, 'Pod member 1',   'g.d.b.a.t.s.p'),
    (4, 'Pod member 2',   'g.d.b.a.t.s.p'),
    (5, 'Workstream 1',   'g.d.b.a.t.s.p.w'),
    (6, 'Workstream 2',   'g.d.b.a.t.s.p.w'),
    (7, 'Workstream 3',   'g.d.b.a.t.s.p.w'),
    (8, 'Side lead',      'g.d.x');
