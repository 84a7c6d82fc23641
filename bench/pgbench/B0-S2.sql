-- B0-S2 Fortanix create a final version (20-object graph): the job itself, the fewest statements that do it on
-- today's tables. The UPDATE hands out the next number and locks the graph's row until COMMIT, so concurrent
-- creates on one graph get consecutive numbers; the INSERT writes the version with it (state, content and actor as
-- the service writes them, S2.sql; attributes keep their '{}' default). RETURNING carries what the answer shows of
-- the graph. The bench_key subquery picks a seeded graph at random, as in B1. Runs with the tables' user triggers off.
\set i random(1, :n_S2)
BEGIN;
update workflow set version_counter = version_counter + 1, updated_at = now()
where dialect = 'fortanix' and tenant = :fx_tenant and sub_tenant = '' and kind = 'final_graph'
  and external_key = (select k1 from bench_key where scenario = 'S2' and n = :i)
returning id, version_counter, name, coalesce(description, '') as description \gset w_
insert into workflow_version (workflow_id, public_id, number, state, content, created_at, created_by, updated_at, updated_by)
values (:w_id, gen_random_uuid()::text, :w_version_counter, 'final', cast(:fx_content as text)::jsonb, now(), 'bench@fortanix.test', now(), 'bench@fortanix.test')
returning id, created_at;
COMMIT;
