-- S1 SecMaster create version: the statements the service issues (captured with log_statement=all). The workflow is
-- read without a lock: a version without number or exclusive state depends on nothing else in it.
-- The caller's credential (and Fortanix session) come from the service's read cache, which version writes no longer
-- empty, so no statement reads them (recaptured with log_statement=all).
\set i random(1, :seeded)
BEGIN;
select w1_0.id,w1_0.attributes,w1_0.created_at,w1_0.created_by,w1_0.description,w1_0.dialect,w1_0.external_key,w1_0.kind,w1_0.name,w1_0.revision,w1_0.sub_tenant,w1_0.tenant,w1_0.updated_at,w1_0.updated_by,w1_0.version_counter from workflow w1_0 where w1_0.dialect=:dialect and w1_0.tenant=:tenant and w1_0.sub_tenant=:subtenant and w1_0.kind='workflow' and w1_0.external_key=(select k1 from bench_key where scenario='S1' and n=:i) offset 0 rows fetch first 1 rows only \gset w_
insert into workflow_version (workflow_id, public_id, number, label, state, exclusive_state, content, attributes, created_at, created_by, updated_at, updated_by, deployed_at) values (:w_id, gen_random_uuid()::text, NULL, NULL, 'pending_submit', NULL, cast(:content as text)::jsonb, cast(:attributes as text)::jsonb, now(), 'bench', now(), 'bench', NULL) returning id;
COMMIT;
