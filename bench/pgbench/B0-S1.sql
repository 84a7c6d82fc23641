-- B0-S1 SecMaster create a version: the job itself, the fewest statements that do it on today's tables. One INSERT
-- finds the workflow by its key (the caller's project and workspace) in the same statement; a SecMaster version
-- has no number and no exclusive state, so it depends on nothing else in the workflow and takes no lock. The
-- values are the service's (S1.sql); number, label, exclusive_state and deployed_at are left to their NULL
-- default. A workflow that is not there inserts nothing (the service answers 404). The bench_key subquery picks a
-- seeded workflow at random, as in B1: it is the harness's, not the job's. Runs with the tables' user triggers off.
\set i random(1, :n_S1)
insert into workflow_version (workflow_id, public_id, state, content, attributes, created_at, created_by, updated_at, updated_by)
select w.id, gen_random_uuid()::text, 'pending_submit', cast(:sm_content as text)::jsonb, cast(:sm_attributes as text)::jsonb, now(), 'bench', now(), 'bench'
from workflow w
where w.dialect = 'secmaster' and w.tenant = :sm_tenant and w.sub_tenant = :sm_subtenant and w.kind = 'workflow'
  and w.external_key = (select k1 from bench_key where scenario = 'S1' and n = :i)
returning public_id, created_at;
