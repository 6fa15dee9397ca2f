INSERT INTO employees (id, name, manager_id) VALUES
    (1, 'Ines (CEO)',        NULL),
    (2, 'Marek (CTO)',       1),
    (3, 'Sofia (CFO)',       1),
    (4, 'Tunde (backend)',   2),
    (5, 'Yara (frontend)',   2),
    (6, 'Lior (payroll)',    3),
    (7, 'Chen (audit)',      3),
    (8, 'Ada (sre)',         2);
