-- B0-S8 (Fortanix part) read one version of a final graph: the job itself, one SELECT of what the answer shows,
-- the graph's name and description with the version by number. S8's B0 mix runs it with B0-S8-frankieone.sql,
-- B0-S3.sql and B0-S2.sql. The bench_key subqueries pick a seeded (graph, version) pair at random. Runs with the
-- tables' user triggers off (it writes nothing).
\set i random(1, :n_S8fx)
select w.name, w.description, v.number, v.content, v.created_at
from workflow w join workflow_version v on v.workflow_id = w.id
where w.dialect = 'fortanix' and w.tenant = :fx_tenant and w.sub_tenant = '' and w.kind = 'final_graph'
  and w.external_key = (select k1 from bench_key where scenario = 'S8fx' and n = :i)
  and v.number = (select k2 from bench_key where scenario = 'S8fx' and n = :i)::bigint;
