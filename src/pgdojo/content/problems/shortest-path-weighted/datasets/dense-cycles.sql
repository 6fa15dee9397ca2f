-- Every node linked to every other node in both directions (a small complete graph).
INSERT INTO links (id, src, dst, cost)
SELECT row_number() OVER (ORDER BY a.i, b.i),
       a.name, b.name,
       ((a.i * 7 + b.i * 3) % 11) + 2
FROM unnest(ARRAY['fra', 'ams', 'lhr', 'dxb', 'sin', 'hkg', 'sgp']) WITH ORDINALITY AS a(name, i)
JOIN unnest(ARRAY['fra', 'ams', 'lhr', 'dxb', 'sin', 'hkg', 'sgp']) WITH ORDINALITY AS b(name, i)
  ON a.i <> b.i;
