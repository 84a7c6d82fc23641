-- B0-S5 SecMaster read one version by id: the job itself, one SELECT of the columns SecMaster's answer shows,
-- joined to its workflow for the caller's project and workspace. No credential read: the caller's check is the
-- service's, not the job's. The key set is a variable (reads: S5's 50 versions, or S7's 5,000 for S7's B0 mixes);
-- the bench_key subquery picks one at random, as in B1. Runs with the tables' user triggers off (it writes nothing).
\set i random(1, :n_reads)
select v.public_id, v.label, v.state, v.content, v.attributes, v.created_at, v.updated_at
from workflow_version v join workflow w on w.id = v.workflow_id
where v.public_id = (select k1 from bench_key where scenario = :reads and n = :i)
  and w.dialect = 'secmaster' and w.tenant = :sm_tenant and w.sub_tenant = :sm_subtenant;
