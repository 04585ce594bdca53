-- Downline size, direct recruits and depth of a random distributor, now.
\set id random(1, :n)
SELECT coalesce(sum(direct), 0), coalesce(sum(joined), 0), coalesce(max(deepest), 0)
FROM read_model.downline_growth WHERE merchant_id = 'M-bench' AND ancestor_id = 'D-' || :id;
