-- The same as of a past business date (the middle of the two years).
\set id random(1, :n)
SELECT coalesce(sum(direct), 0), coalesce(sum(joined), 0), coalesce(max(deepest), 0)
FROM read_model.downline_growth WHERE merchant_id = 'M-bench' AND ancestor_id = 'D-' || :id AND day <= '2025-01-01';
