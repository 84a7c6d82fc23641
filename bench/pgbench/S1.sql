-- S1 SecMaster create version: the statements the service issues (VersionStore.INSERT_VERSION_BY_KEY_SQL). A version
-- without number or exclusive state depends on nothing else in its workflow, so one INSERT finds the workflow by its
-- key and adds the version, outside any explicit transaction: no read of the workflow first, no BEGIN or COMMIT.
-- The caller's credential comes from the service's read cache, so no statement reads it. Unlike B0, the tables'
-- triggers stay on: the change log's insert is part of the service's cost.
\set i random(1, :seeded)
insert into workflow_version (workflow_id, public_id, label, state, content, attributes, created_at, created_by, updated_at, updated_by) select w.id, gen_random_uuid()::text, NULL, 'pending_submit', cast(:content as text)::jsonb, cast(:attributes as text)::jsonb, now(), 'bench', now(), 'bench' from workflow w where w.dialect = :dialect and w.tenant = :tenant and w.sub_tenant = :subtenant and w.kind = 'workflow' and w.external_key = (select k1 from bench_key where scenario = 'S1' and n = :i) returning id, workflow_id;
