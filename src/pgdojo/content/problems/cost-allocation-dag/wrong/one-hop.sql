-- expect: wrong_answer on deep-chain
-- mistake: correlated-subquery
-- Allocates each shared center's direct costs one hop only: costs passed on twice never arrive.
SELECT c.id AS center,
       round(coalesce((SELECT sum(d.amount) FROM direct_costs d WHERE d.center = c.id), 0)
             + coalesce((SELECT sum(d.amount * a.share)
                         FROM allocations a JOIN direct_costs d ON d.center = a.from_center
                         WHERE a.to_center = c.id), 0), 2) AS total_cost
FROM cost_centers AS c
WHERE c.kind = 'product';
