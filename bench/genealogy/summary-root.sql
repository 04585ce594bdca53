-- The worst case: the root, whose downline is the whole network.
SELECT coalesce(sum(direct), 0), coalesce(sum(joined), 0), coalesce(max(deepest), 0)
FROM read_model.downline_growth WHERE merchant_id = 'M-bench' AND ancestor_id = 'D-1' AND day <= '2025-01-01';
