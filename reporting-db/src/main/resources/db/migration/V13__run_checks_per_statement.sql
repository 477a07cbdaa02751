-- Sentinela reporting schema, version 13: baselines and seasonal_factors, the publication's bulk
-- rows (about 30,000 a night), are checked against runs once per statement instead of once per
-- row. A foreign key checks each inserted row with its own query; at these counts that was a
-- third of the publication's time. The triggers below keep what the foreign keys gave: a row must
-- name an existing run (checked, and that run locked against deletion, by one query over the
-- statement's new rows), deleting a run deletes its rows, and a run_id still named cannot change.
-- anomalies (a few hundred rows a night) keeps its foreign key. See docs/reporting.md.

alter table baselines drop constraint baselines_run_id_fkey;
alter table seasonal_factors drop constraint seasonal_factors_run_id_fkey;

-- After an insert or update of results: every run_id the statement wrote must be in runs.
create function sentinela_require_runs() returns trigger
language plpgsql
as $$
declare
    missing text;
begin
    -- lock the runs named, as a foreign key does, so a concurrent delete of one waits or fails
    perform 1 from runs r where r.run_id in (select distinct n.run_id from new_rows n)
    for key share of r;
    select n.run_id into missing
    from new_rows n
    where not exists (select 1 from runs r where r.run_id = n.run_id)
    limit 1;
    if found then
        raise foreign_key_violation using message = format(
            'insert or update on table "%s": run_id (%s) is not present in table "runs"',
            tg_table_name, missing);
    end if;
    return null;
end;
$$;

create trigger baselines_require_runs_on_insert after insert on baselines
    referencing new table as new_rows for each statement execute function sentinela_require_runs();
create trigger baselines_require_runs_on_update after update on baselines
    referencing new table as new_rows for each statement execute function sentinela_require_runs();
create trigger seasonal_factors_require_runs_on_insert after insert on seasonal_factors
    referencing new table as new_rows for each statement execute function sentinela_require_runs();
create trigger seasonal_factors_require_runs_on_update after update on seasonal_factors
    referencing new table as new_rows for each statement execute function sentinela_require_runs();

-- Deleting runs deletes their baselines and seasonal factors (was: on delete cascade).
create function sentinela_delete_run_results() returns trigger
language plpgsql
as $$
begin
    delete from baselines b using old_runs o where b.run_id = o.run_id;
    delete from seasonal_factors s using old_runs o where s.run_id = o.run_id;
    return null;
end;
$$;

create trigger runs_delete_results after delete on runs
    referencing old table as old_runs for each statement execute function sentinela_delete_run_results();

-- A run's id cannot change while baselines or seasonal factors name it (was: no action).
create function sentinela_keep_named_run_ids() returns trigger
language plpgsql
as $$
begin
    if exists (select 1 from baselines where run_id = old.run_id)
        or exists (select 1 from seasonal_factors where run_id = old.run_id) then
        raise foreign_key_violation using message = format(
            'run_id (%s) of table "runs" is still named by its baselines or seasonal factors',
            old.run_id);
    end if;
    return new;
end;
$$;

create trigger runs_keep_named_run_ids before update of run_id on runs
    for each row when (old.run_id is distinct from new.run_id)
    execute function sentinela_keep_named_run_ids();
