-- The first page (50) of a random distributor's downline, shallowest first, as of a past date.
\set id random(1, :n)
SELECT d.distributor_id, d.sponsor_id, d.level, c.depth, d.enrolled_at
FROM read_model.downline c
JOIN read_model.distributor d ON d.merchant_id = c.merchant_id AND d.distributor_id = c.distributor_id
WHERE c.merchant_id = 'M-bench' AND c.ancestor_id = 'D-' || :id AND c.enrolled_on <= '2025-01-01'
ORDER BY c.depth, c.distributor_id LIMIT 51 OFFSET 0;
