-- B0-S4 Patchworks deploy a version (the Deployed state moves from one version of the flow to the other): the job
-- itself, the fewest statements that do it on today's tables. The flow's row is locked first: without it two
-- deploys of one flow at once (32 clients over 50 flows meet often) each demote what their own snapshot shows as
-- Deployed and promote their target, and the second to commit fails on the unique constraint; with it the second
-- waits and then sees the first's result. The lock's answer, the flow's id, also spares each UPDATE a lookup of
-- the flow by its key. Then the two UPDATEs: the Deployed version to Inactive, and the target (the flow's seeded
-- version that is not deployed, S4.sql's choice: the one just demoted is excluded) to Deployed. The unique
-- constraint on (workflow_id, exclusive_state) is deferred and checked at COMMIT, when the flow has one Deployed
-- version again. RETURNING carries the deployed version's iteration (its rank in the flow), which the answer shows.
-- The bench_key subqueries pick a seeded flow at random, as in B1. Runs with the tables' user triggers off.
\set i random(1, :n_S4)
BEGIN;
select id from workflow
where dialect = 'patchworks' and tenant = :pw_tenant and sub_tenant = '' and kind = 'flow'
  and external_key = (select k1 from bench_key where scenario = 'S4' and n = :i)
for no key update \gset w_
update workflow_version set exclusive_state = NULL, state = 'Inactive', deployed_at = NULL, updated_at = now()
where workflow_id = :w_id and exclusive_state = 'Deployed'
returning id \gset d_
update workflow_version set exclusive_state = 'Deployed', state = 'Deployed', deployed_at = now(), updated_at = now()
where workflow_id = :w_id and id <> :d_id
  and public_id in ((select k2 from bench_key where scenario = 'S4' and n = :i), (select k3 from bench_key where scenario = 'S4' and n = :i))
returning public_id, (select count(*) from workflow_version b where b.workflow_id = :w_id and b.id <= workflow_version.id) as iteration;
COMMIT;
