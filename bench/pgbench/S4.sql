-- S4 Patchworks deploy a version (the Deployed state moves from one version of the flow to the other): the
-- statements the service issues (recaptured with log_statement=all after the row lock stopped being taken again and
-- version updates started writing only the changed columns; the second look for the Deployed version left when the
-- store stopped checking exclusive states itself and let the deferred unique constraint do it at commit). The target
-- is the flow's version that is not deployed.
-- The caller's credential (and Fortanix session) come from the service's read cache, which version writes no longer
-- empty, so no statement reads them (recaptured with log_statement=all).
\set i random(1, :seeded)
BEGIN;
select w1_0.id,w1_0.attributes,w1_0.created_at,w1_0.created_by,w1_0.description,w1_0.dialect,w1_0.external_key,w1_0.kind,w1_0.name,w1_0.revision,w1_0.sub_tenant,w1_0.tenant,w1_0.updated_at,w1_0.updated_by,w1_0.version_counter from workflow w1_0 where w1_0.dialect=:dialect and w1_0.tenant=:tenant and w1_0.sub_tenant='' and w1_0.kind='flow' and w1_0.external_key=(select k1 from bench_key where scenario='S4' and n=:i) offset 0 rows fetch first 1 rows only for no key update of w1_0 \gset w_
select wv1_0.id,wv1_0.attributes,wv1_0.content,wv1_0.created_at,wv1_0.created_by,wv1_0.deployed_at,wv1_0.exclusive_state,wv1_0.label,wv1_0.number,wv1_0.public_id,wv1_0.state,wv1_0.updated_at,wv1_0.updated_by,wv1_0.workflow_id from workflow_version wv1_0 where wv1_0.workflow_id=:w_id and wv1_0.public_id in ((select k2 from bench_key where scenario='S4' and n=:i), (select k3 from bench_key where scenario='S4' and n=:i)) and wv1_0.exclusive_state is null offset 0 rows fetch first 1 rows only \gset t_
select wv1_0.id,wv1_0.attributes,wv1_0.content,wv1_0.created_at,wv1_0.created_by,wv1_0.deployed_at,wv1_0.exclusive_state,wv1_0.label,wv1_0.number,wv1_0.public_id,wv1_0.state,wv1_0.updated_at,wv1_0.updated_by,wv1_0.workflow_id from workflow_version wv1_0 where wv1_0.workflow_id=:w_id and wv1_0.exclusive_state='Deployed' offset 0 rows fetch first 1 rows only \gset d_
update workflow_version set deployed_at=NULL,exclusive_state=NULL,state='Inactive',updated_at=now() where id=:d_id;
update workflow_version set deployed_at=now(),exclusive_state='Deployed',state='Deployed',updated_at=now() where id=:t_id;
select wv1_0.id,wv1_0.public_id from workflow_version wv1_0 where wv1_0.workflow_id=:w_id order by wv1_0.id;
COMMIT;
