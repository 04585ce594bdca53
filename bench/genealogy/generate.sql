-- A random recursive tree of :n distributors for one merchant ('M-bench'): distributor i is
-- sponsored by a uniformly random earlier one, so the tree is about e·ln(n) deep at most and its
-- root's downline is everyone. Enrolments are spread evenly over two years. The rows are the
-- ones GenealogyProjection writes (distributor, downline closure, daily growth), loaded in bulk.
\set ON_ERROR_STOP on
SET search_path = read_model;
SET synchronous_commit = off;
SET work_mem = '256MB';

CREATE TEMP TABLE gen AS
SELECT i, CASE WHEN i = 1 THEN NULL ELSE 1 + floor(random() * (i - 1))::int END AS parent
FROM generate_series(1, :n) i;
CREATE INDEX ON gen (parent);
ANALYZE gen;

CREATE TEMP TABLE tree AS
WITH RECURSIVE t AS (
    SELECT i, parent, ARRAY[]::int[] AS upline FROM gen WHERE parent IS NULL
    UNION ALL
    SELECT g.i, g.parent, t.i || t.upline FROM gen g JOIN t ON g.parent = t.i
)
SELECT i, parent, upline,
       timestamptz '2024-01-01 00:00:00+00' + (i::float8 / :n) * interval '730 days' AS enrolled_at
FROM t;

INSERT INTO distributor (merchant_id, distributor_id, sponsor_id, upline, level, enrolled_at, enrolled_on, event_id)
SELECT 'M-bench', 'D-' || i, CASE WHEN parent IS NULL THEN NULL ELSE 'D-' || parent END,
       ARRAY(SELECT 'D-' || u FROM unnest(upline) u)::varchar[], cardinality(upline) + 1,
       enrolled_at, (enrolled_at AT TIME ZONE 'UTC')::date, 'bench-' || i
FROM tree;

INSERT INTO downline (merchant_id, ancestor_id, depth, distributor_id, enrolled_on)
SELECT 'M-bench', 'D-' || a.id, a.depth, 'D-' || t.i, (t.enrolled_at AT TIME ZONE 'UTC')::date
FROM tree t, unnest(t.upline) WITH ORDINALITY a(id, depth);

INSERT INTO downline_growth (merchant_id, ancestor_id, day, joined, direct, deepest)
SELECT merchant_id, ancestor_id, enrolled_on, count(*), count(*) FILTER (WHERE depth = 1), max(depth)
FROM downline WHERE merchant_id = 'M-bench' GROUP BY merchant_id, ancestor_id, enrolled_on;

INSERT INTO network_growth (merchant_id, day, joined, roots, deepest_level)
SELECT merchant_id, enrolled_on, count(*), count(*) FILTER (WHERE level = 1), max(level)
FROM distributor WHERE merchant_id = 'M-bench' GROUP BY merchant_id, enrolled_on;

ANALYZE;
SELECT count(*) AS distributors, max(level) AS deepest_level, round(avg(level), 1) AS mean_level FROM distributor;
SELECT count(*) AS closure_rows FROM downline;
SELECT count(*) AS growth_rows FROM downline_growth;
SELECT pg_size_pretty(pg_total_relation_size('read_model.downline')) AS closure_size,
       pg_size_pretty(pg_total_relation_size('read_model.downline_growth')) AS growth_size;
