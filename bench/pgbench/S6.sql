-- S6 Patchworks first page of the versions of a flow with 1,000 versions: the statements the service issues.
\set i 1
select c1_0.id,c1_0.access_key,c1_0.created_at,c1_0.dialect,c1_0.display_name,c1_0.role,c1_0.secret_hash,c1_0.secret_sealed,c1_0.sub_tenant,c1_0.tenant,c1_0.type,c1_0.username from credential c1_0 where c1_0.dialect=:dialect and c1_0.type='api_key' and c1_0.secret_hash=:keyhash offset 0 rows fetch first 1 rows only;
BEGIN;
select w1_0.id,w1_0.attributes,w1_0.created_at,w1_0.created_by,w1_0.description,w1_0.dialect,w1_0.external_key,w1_0.kind,w1_0.name,w1_0.revision,w1_0.sub_tenant,w1_0.tenant,w1_0.updated_at,w1_0.updated_by,w1_0.version_counter from workflow w1_0 where w1_0.dialect=:dialect and w1_0.tenant=:tenant and w1_0.sub_tenant='' and w1_0.kind='flow' and w1_0.external_key=(select k1 from bench_key where scenario='S6' and n=:i) offset 0 rows fetch first 1 rows only \gset w_
select wv1_0.id,wv1_0.attributes,wv1_0.content,wv1_0.created_at,wv1_0.created_by,wv1_0.deployed_at,wv1_0.exclusive_state,wv1_0.label,wv1_0.number,wv1_0.public_id,wv1_0.state,wv1_0.updated_at,wv1_0.updated_by,wv1_0.workflow_id from workflow_version wv1_0 where wv1_0.workflow_id=:w_id order by wv1_0.id,wv1_0.id offset 0 rows fetch first 15 rows only;
select count(*) from workflow_version wv1_0 where wv1_0.workflow_id=:w_id;
-- The ranks of the page's versions (store.VersionRanks.ranks); the service sends the 15 ids as parameters, pgbench
-- cannot keep 15 rows, so a subquery of the same index reads them.
select a1_0.id,(select count(*) from workflow_version wv1_0 where wv1_0.workflow_id=a1_0.workflow_id and wv1_0.id<=a1_0.id) from workflow_version a1_0 where a1_0.id in (select id from workflow_version where workflow_id=:w_id order by id limit 15);
COMMIT;
