-- B0-S6 Patchworks first page of the versions of a flow with 1,000 versions: the job itself, one SELECT of the
-- first 15 versions in id order with the columns Patchworks' answer shows, each version's iteration (its rank in
-- the flow, row_number over the same order) and the flow's total count, which the answer also shows. The flow's
-- id comes from a CTE used twice and evaluated once; as a scalar subquery it is a constant to the planner, so the
-- versions come in order from the (workflow_id, id) index and the scan stops after the page. The count is a
-- scalar subquery rather than count(*) over (), which would make the window hold all 1,000 rows before the limit.
-- Runs with the tables' user triggers off (it writes nothing).
with f as (
  select id from workflow
  where dialect = 'patchworks' and tenant = :pw_tenant and sub_tenant = '' and kind = 'flow'
    and external_key = (select k1 from bench_key where scenario = 'S6' and n = 1)
)
select v.public_id, v.state, v.deployed_at, v.created_at, v.updated_at,
       row_number() over (order by v.id) as iteration,
       (select count(*) from workflow_version c where c.workflow_id = (select id from f)) as total
from workflow_version v
where v.workflow_id = (select id from f)
order by v.id
limit 15;
