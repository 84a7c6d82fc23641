-- S2 Fortanix create final version (20-object graph): the statements the service issues.
-- The version number is counted up from the locked row and written with the workflow's update (only the changed
-- columns), as the service does; recaptured with log_statement=all after that change.
\set i random(1, :seeded)
select fs1_0.id,fs1_0.created_at,fs1_0.credential_id,fs1_0.ended_at,fs1_0.expires_at,fs1_0.selected_account,fs1_0.token_expires_at from fortanix_session fs1_0 where fs1_0.id=:session;
select c1_0.id,c1_0.access_key,c1_0.created_at,c1_0.dialect,c1_0.display_name,c1_0.role,c1_0.secret_hash,c1_0.secret_sealed,c1_0.sub_tenant,c1_0.tenant,c1_0.type,c1_0.username from credential c1_0 where c1_0.id=:cred;
BEGIN;
select w1_0.id,w1_0.attributes,w1_0.created_at,w1_0.created_by,w1_0.description,w1_0.dialect,w1_0.external_key,w1_0.kind,w1_0.name,w1_0.revision,w1_0.sub_tenant,w1_0.tenant,w1_0.updated_at,w1_0.updated_by,w1_0.version_counter from workflow w1_0 where w1_0.dialect=:dialect and w1_0.tenant=:tenant and w1_0.sub_tenant='' and w1_0.kind='final_graph' and w1_0.external_key=(select k1 from bench_key where scenario='S2' and n=:i) offset 0 rows fetch first 1 rows only for no key update of w1_0 \gset w_
\set c :w_version_counter + 1
insert into workflow_version (workflow_id, public_id, number, label, state, exclusive_state, content, attributes, created_at, created_by, updated_at, updated_by, deployed_at) values (:w_id, gen_random_uuid()::text, :c, NULL, 'final', NULL, cast(:content as text)::jsonb, '{}', now(), 'bench@fortanix.test', now(), 'bench@fortanix.test', NULL) returning id;
update workflow set updated_at=now(),version_counter=:c where id=:w_id;
COMMIT;
