-- B0-S8 (FrankieOne part) read one published version of a definition: the job itself, one SELECT of what the
-- answer shows, the definition's row (its published numbers are 1 to version_counter) with the version by number.
-- S8's B0 mix runs it with B0-S8-fortanix.sql, B0-S3.sql and B0-S2.sql. The bench_key subqueries pick a seeded
-- (definition, version) pair at random. Runs with the tables' user triggers off (it writes nothing).
\set i random(1, :n_S8fo)
select w.version_counter, w.created_at, w.created_by, v.public_id, v.number, v.content, v.updated_at, v.updated_by
from workflow w join workflow_version v on v.workflow_id = w.id
where w.dialect = 'frankieone' and w.tenant = :fo_tenant and w.sub_tenant = '' and w.kind = 'definition'
  and w.external_key = (select k1 from bench_key where scenario = 'S8fo' and n = :i)
  and v.number = (select k2 from bench_key where scenario = 'S8fo' and n = :i)::bigint;
