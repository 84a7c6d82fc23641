-- B0-S3 FrankieOne publish a definition: the job itself, the fewest statements that do it on today's tables. The
-- UPDATE hands out the next published number and locks the definition's row until COMMIT; the INSERT writes the
-- published version with it (public id, state, content and actor as S3.sql; attributes keep their '{}' default).
-- RETURNING carries what the answer shows of the definition (its published numbers are 1 to version_counter).
-- The definition is assumed to exist, as it does for every S3 request: seeding created each one with a published
-- version, so the service's upsert of the definition (S3.sql's INSERT ... ON CONFLICT DO NOTHING) never inserts in
-- this traffic and is left out; the first publish of an unknown definition is another operation. The name and
-- updated_by the service writes to the definition are the same in every request and stay as they are. The
-- bench_key subquery picks a seeded definition at random, as in B1. Runs with the tables' user triggers off.
\set i random(1, :n_S3)
BEGIN;
update workflow set version_counter = version_counter + 1, updated_at = now()
where dialect = 'frankieone' and tenant = :fo_tenant and sub_tenant = '' and kind = 'definition'
  and external_key = (select k1 from bench_key where scenario = 'S3' and n = :i)
returning id, version_counter, created_at, created_by \gset w_
insert into workflow_version (workflow_id, public_id, number, state, content, created_at, created_by, updated_at, updated_by)
values (:w_id, upper(substr(md5(random()::text), 1, 26)), :w_version_counter, 'published', cast(:fo_content as text)::jsonb, now(), :fo_tenant, now(), :fo_tenant)
returning id;
COMMIT;
