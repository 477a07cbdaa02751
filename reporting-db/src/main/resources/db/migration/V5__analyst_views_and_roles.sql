-- Sentinela reporting schema, version 5: views for analysts, the indexes the API's filters use,
-- the analysts' feedback table, and three NOLOGIN group roles with their grants.
-- See docs/reporting.md ("Views for analysts", "Roles") and docs/reporting-examples.sql.
--
-- Nothing here needs a superuser. Roles are created only when the migrating user may create
-- roles, and privileges are granted only on objects that user owns.

-- A person's CPF as it may be shown in public (the Portal da Transparência pattern):
-- '123.456.789-09' or '12345678909' -> '***.456.789-**'. Anything that is not 11 digits after
-- removing punctuation is masked entirely, so an unexpected shape never leaks. The same rule as
-- SupplierId.maskCpf in contract-model.
create function mask_cpf(cpf text) returns text
    language sql immutable strict parallel safe
as $$
    select case
               when d ~ '^[0-9]{11}$' then '***.' || substr(d, 4, 3) || '.' || substr(d, 7, 3) || '-**'
               else '***********'
           end
    from (select regexp_replace(cpf, '[./ -]', '', 'g') as d) digits
$$;

comment on function mask_cpf(text) is
    'CPF masked as ***.ddd.ddd-**; any other shape becomes ***********. Use it wherever a view shows a supplier id.';

-- Indexes for the API's filters on one run's anomalies: each matches a filter and the list order
-- (score desc, anomaly_id), so a filtered page reads only its rows.
create index anomalies_run_uf_score on anomalies (run_id, buyer_uf, score desc, anomaly_id);
create index anomalies_run_detector_score on anomalies (run_id, detector, score desc, anomaly_id);
create index anomalies_run_supplier_score on anomalies (run_id, supplier_id, score desc, anomaly_id);
create index anomalies_run_unit_score on anomalies (run_id, unit_code, score desc, anomaly_id);
create index anomalies_run_municipality_score
    on anomalies (run_id, buyer_municipality_ibge, score desc, anomaly_id);

-- One segment's baseline across runs ("the baseline of RJ x PREGAO over the year").
create index baselines_segment_run on baselines (level, segment_key, run_id);

-- latest_published_run and the run list.
create index runs_published on runs (published_at desc, run_id desc) where published_at is not null;
create index runs_started on runs (started_at desc, run_id desc);

-- Flags of the latest published run per buyer UF x signature month x detector. Within one
-- detector a contract is flagged at most once, so final_value_sum counts each contract once.
create view flags_by_uf_month_detector as
select a.run_id,
       a.buyer_uf,
       date_trunc('month', a.signature_date)::date as signature_month,
       a.detector,
       count(*) as flags,
       count(*) filter (where a.severity = 'HIGH') as high_flags,
       sum(a.final_value) as final_value_sum
from anomalies a
join latest_published_run r on r.run_id = a.run_id
group by a.run_id, a.buyer_uf, date_trunc('month', a.signature_date), a.detector;

comment on view flags_by_uf_month_detector is
    'Latest published run: flags per buyer UF x signature month x detector, high flags, sum of final values.';

-- Buyer units ranked by their flags in the latest published run. flagged_contracts and
-- flagged_value count a contract once even when several detectors flag it.
create view riskiest_buyer_units as
with flags as (
    select a.*,
           row_number() over (partition by a.natural_key order by a.anomaly_id) = 1 as first_of_contract
    from anomalies a
    join latest_published_run r on r.run_id = a.run_id
)
select run_id,
       unit_code,
       mode() within group (order by unit_name) as unit_name,
       mode() within group (order by organ_code) as organ_code,
       mode() within group (order by organ_name) as organ_name,
       mode() within group (order by superior_organ_code) as superior_organ_code,
       mode() within group (order by superior_organ_name) as superior_organ_name,
       mode() within group (order by buyer_uf) as buyer_uf,
       count(*) as flags,
       count(*) filter (where severity = 'HIGH') as high_flags,
       max(score) as max_score,
       sum(score) as score_sum,
       count(*) filter (where first_of_contract) as flagged_contracts,
       coalesce(sum(final_value) filter (where first_of_contract), 0) as flagged_value
from flags
group by run_id, unit_code
order by high_flags desc, score_sum desc, unit_code;

comment on view riskiest_buyer_units is
    'Latest published run, per buyer unit: flags, high flags, max and sum of scores, flagged contracts and their total final value.';

-- Suppliers ranked by their flags in the latest published run. A person's CPF is shown masked
-- (mask_cpf): two people may then share a masked id, so rows stay one per real supplier.
create view riskiest_suppliers as
with flags as (
    select a.*,
           row_number() over (partition by a.natural_key order by a.anomaly_id) = 1 as first_of_contract
    from anomalies a
    join latest_published_run r on r.run_id = a.run_id
)
select run_id,
       case when supplier_kind = 'CPF' then mask_cpf(supplier_id) else supplier_id end as supplier_id,
       supplier_kind,
       mode() within group (order by supplier_name) as supplier_name,
       count(distinct unit_code) as buyer_units,
       count(*) as flags,
       count(*) filter (where severity = 'HIGH') as high_flags,
       max(score) as max_score,
       sum(score) as score_sum,
       count(*) filter (where first_of_contract) as flagged_contracts,
       coalesce(sum(final_value) filter (where first_of_contract), 0) as flagged_value
from flags
group by run_id, flags.supplier_id, supplier_kind
order by high_flags desc, score_sum desc, flags.supplier_id;

comment on view riskiest_suppliers is
    'Latest published run, per supplier: flags, high flags, max and sum of scores, flagged value. CPFs masked.';

-- Every published run's baselines with the run's publication time: how a segment's typical
-- value moved over the year. median_value is exp(median_log_value), in reais.
create view segment_baseline_history as
select b.run_id,
       r.published_at,
       b.level,
       b.segment_key,
       b.buyer_uf,
       b.modality,
       b.superior_organ_code,
       b.contracts,
       b.median_log_value,
       b.mad_log_value,
       b.p01_log_value,
       b.p25_log_value,
       b.p75_log_value,
       b.p99_log_value,
       exp(b.median_log_value) as median_value
from baselines b
join runs r on r.run_id = b.run_id
where r.published_at is not null;

comment on view segment_baseline_history is
    'Baselines of every published run with its published_at, for a segment''s history.';

-- Analysts' verdicts on flags, one per analyst and flag (the stable anomaly id, so a verdict
-- follows the flag from night to night). No foreign key: the pipeline rewrites anomaly_history
-- when it republishes a run, and a verdict must survive that.
create table feedback (
    anomaly_id  text not null,
    analyst     text not null default current_user,
    verdict     text not null check (verdict in ('CONFIRMED', 'DISMISSED', 'EXPECTED')),
    note        text,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    primary key (anomaly_id, analyst)
);

comment on table feedback is
    'An analyst''s verdict on a flag (stable anomaly_id): CONFIRMED, DISMISSED or EXPECTED.';

create function feedback_touch_updated_at() returns trigger
    language plpgsql
as $$
begin
    new.updated_at := now();
    return new;
end
$$;

create trigger feedback_updated_at
    before update on feedback
    for each row execute function feedback_touch_updated_at();

-- Group roles. NOLOGIN: an operator creates logins in them (docs/reporting.md, "Roles").
-- Roles belong to the whole server, so another database may have created them already.
do $$
declare
    role_name text;
    may_create boolean;
begin
    select rolsuper or rolcreaterole into may_create from pg_roles where rolname = current_user;
    foreach role_name in array array['sentinela_pipeline', 'sentinela_reader', 'sentinela_feedback_writer'] loop
        if not exists (select 1 from pg_roles where rolname = role_name) then
            if may_create then
                begin
                    execute format('create role %I nologin', role_name);
                exception when duplicate_object or unique_violation then
                    null; -- created meanwhile by a migration of another database on this server
                end;
            else
                raise warning 'Role % does not exist and % may not create roles, so it gets no privileges. Create it as an administrator (create role % nologin), then run select sentinela_grant_privileges(); as %.',
                    role_name, current_user, role_name, current_user;
            end if;
        end if;
    end loop;
end
$$;

-- Grants the three roles their privileges on the objects of the current schema that the
-- calling user owns; idempotent. Called below, and again by an owner after creating a missing
-- role or after a later migration adds tables (new tables are also covered by the default
-- privileges set here).
--   sentinela_pipeline:        read and write every table, use the sequences, read Flyway's history
--   sentinela_reader:          read every table and view except Spring Batch's batch_* tables
--   sentinela_feedback_writer: what the reader reads, and insert/update on feedback
create function sentinela_grant_privileges() returns void
    language plpgsql
as $$
declare
    me oid := (select oid from pg_roles where rolname = current_user);
    schema_name text := current_schema();
    has_pipeline boolean := exists (select 1 from pg_roles where rolname = 'sentinela_pipeline');
    has_reader boolean := exists (select 1 from pg_roles where rolname = 'sentinela_reader');
    has_feedback boolean := exists (select 1 from pg_roles where rolname = 'sentinela_feedback_writer');
    readers text;
    rel record;
begin
    readers := concat_ws(', ',
                         case when has_reader then 'sentinela_reader' end,
                         case when has_feedback then 'sentinela_feedback_writer' end);

    if has_schema_privilege(current_user, schema_name, 'USAGE WITH GRANT OPTION') then
        if has_pipeline then
            execute format('grant usage on schema %I to sentinela_pipeline', schema_name);
        end if;
        if readers <> '' then
            execute format('grant usage on schema %I to %s', schema_name, readers);
        end if;
    end if;

    for rel in
        select c.relname, c.relkind
        from pg_class c
        join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = schema_name
          and c.relowner = me
          and c.relkind in ('r', 'p', 'v', 'm', 'S')
        order by c.relname
    loop
        if rel.relkind = 'S' then
            if has_pipeline then
                execute format('grant usage, select, update on sequence %I.%I to sentinela_pipeline',
                               schema_name, rel.relname);
            end if;
            continue;
        end if;
        if rel.relname = 'flyway_schema_history' then
            if has_pipeline then
                execute format('grant select on %I.%I to sentinela_pipeline', schema_name, rel.relname);
            end if;
            continue;
        end if;
        if has_pipeline then
            if rel.relkind in ('r', 'p') then
                execute format('grant select, insert, update, delete on %I.%I to sentinela_pipeline',
                               schema_name, rel.relname);
            else
                execute format('grant select on %I.%I to sentinela_pipeline', schema_name, rel.relname);
            end if;
        end if;
        if rel.relname like 'batch\_%' then
            continue;
        end if;
        if readers <> '' then
            execute format('grant select on %I.%I to %s', schema_name, rel.relname, readers);
        end if;
        if rel.relname = 'feedback' and has_feedback then
            execute format('grant insert, update on %I.%I to sentinela_feedback_writer',
                           schema_name, rel.relname);
        end if;
    end loop;

    -- Tables and sequences this user creates later in this schema get the same privileges.
    if has_pipeline then
        execute format('alter default privileges in schema %I grant select, insert, update, delete'
                       ' on tables to sentinela_pipeline', schema_name);
        execute format('alter default privileges in schema %I grant usage, select, update'
                       ' on sequences to sentinela_pipeline', schema_name);
    end if;
    if readers <> '' then
        execute format('alter default privileges in schema %I grant select on tables to %s',
                       schema_name, readers);
    end if;
end
$$;

revoke execute on function sentinela_grant_privileges() from public;

comment on function sentinela_grant_privileges() is
    'Grants sentinela_pipeline / sentinela_reader / sentinela_feedback_writer their privileges on the objects the caller owns; idempotent.';

do $$
begin
    perform sentinela_grant_privileges();
end
$$;
