-- A 40-level chain: employee n reports to n - 1, and employee 1 has no manager.
INSERT INTO employees (id, name, manager_id)
SELECT n, 'level ' || n, CASE WHEN n = 1 THEN NULL ELSE n - 1 END
FROM generate_series(1, 40) AS n;
