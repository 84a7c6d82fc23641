-- S3 FrankieOne publish a definition: the statements the service issues (a publish to a definition that has published
-- versions reads neither the draft nor the list of numbers).
-- The version number is counted up from the locked row and written with the workflow's update (only the changed
-- columns), as the service does; recaptured with log_statement=all after that change.
-- The caller's credential (and Fortanix session) come from the service's read cache, which version writes no longer
-- empty, so no statement reads them (recaptured with log_statement=all).
\set i random(1, :seeded)
BEGIN;
insert into workflow (dialect, tenant, sub_tenant, kind, external_key, name, description, attributes, created_at, created_by, updated_at, updated_by) values (:dialect, :tenant, '', 'definition', (select k1 from bench_key where scenario='S3' and n=:i), 'Customer Verification Workflow', NULL, cast(cast('{}' as text) as jsonb), now(), :tenant, now(), :tenant) on conflict (dialect, tenant, sub_tenant, kind, external_key) do nothing;
select w1_0.id,w1_0.attributes,w1_0.created_at,w1_0.created_by,w1_0.description,w1_0.dialect,w1_0.external_key,w1_0.kind,w1_0.name,w1_0.revision,w1_0.sub_tenant,w1_0.tenant,w1_0.updated_at,w1_0.updated_by,w1_0.version_counter from workflow w1_0 where w1_0.dialect=:dialect and w1_0.tenant=:tenant and w1_0.sub_tenant='' and w1_0.kind='definition' and w1_0.external_key=(select k1 from bench_key where scenario='S3' and n=:i) offset 0 rows fetch first 1 rows only for no key update of w1_0 \gset w_
\set c :w_version_counter + 1
insert into workflow_version (workflow_id, public_id, number, label, state, exclusive_state, content, attributes, created_at, created_by, updated_at, updated_by, deployed_at) values (:w_id, upper(substr(md5(random()::text), 1, 26)), :c, NULL, 'published', NULL, cast(:content as text)::jsonb, '{}', now(), :tenant, now(), :tenant, NULL) returning id;
update workflow set updated_at=now(),version_counter=:c where id=:w_id;
COMMIT;
