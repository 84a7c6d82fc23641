-- S2 Fortanix create final version (20-object graph): the statements the service issues.
-- The version number is counted up from the locked row and written with the workflow's update (only the changed
-- columns), as the service does; recaptured with log_statement=all after that change.
-- The caller's credential (and Fortanix session) come from the service's read cache, which version writes no longer
-- empty, so no statement reads them (recaptured with log_statement=all).
\set i random(1, :seeded)
BEGIN;
select w1_0.id,w1_0.attributes,w1_0.created_at,w1_0.created_by,w1_0.description,w1_0.dialect,w1_0.external_key,w1_0.kind,w1_0.name,w1_0.revision,w1_0.sub_tenant,w1_0.tenant,w1_0.updated_at,w1_0.updated_by,w1_0.version_counter from workflow w1_0 where w1_0.dialect=:dialect and w1_0.tenant=:tenant and w1_0.sub_tenant='' and w1_0.kind='final_graph' and w1_0.external_key=(select k1 from bench_key where scenario='S2' and n=:i) offset 0 rows fetch first 1 rows only for no key update of w1_0 \gset w_
\set c :w_version_counter + 1
insert into workflow_version (workflow_id, public_id, number, label, state, exclusive_state, content, attributes, created_at, created_by, updated_at, updated_by, deployed_at) values (:w_id, gen_random_uuid()::text, :c, NULL, 'final', NULL, cast(:content as text)::jsonb, '{}', now(), 'bench@fortanix.test', now(), 'bench@fortanix.test', NULL) returning id;
update workflow set updated_at=now(),version_counter=:c where id=:w_id;
COMMIT;
