-- Sentinela reporting schema, version 7: the API's feedback tokens, a view of the flags with
-- every CPF masked, and a fourth group role, sentinela_viewer, that reads only the masked views.
-- See docs/reporting.md ("Roles", "API tokens") and reporting-api/README.md (feedback).

-- Bearer tokens of analysts who send verdicts through the API (POST /api/v1/anomalies/{id}/feedback).
-- Only the SHA-256 of a token is stored; the token itself is shown once, when it is created
-- (scripts/sentinela token create --analyst NAME). A revoked token stays for the record.
create table api_tokens (
    token_id     bigint generated always as identity primary key,
    analyst      text not null check (analyst ~ '^[A-Za-z0-9._@-]{1,64}$'),
    token_sha256 bytea not null unique check (length(token_sha256) = 32),
    created_at   timestamptz not null default now(),
    revoked_at   timestamptz,
    check (revoked_at is null or revoked_at >= created_at)
);

comment on table api_tokens is
    'API bearer tokens: the analyst, the SHA-256 of the token (never the token), created_at, revoked_at. Read by nobody but the owner; the API asks api_token_analyst().';

-- The analyst of a live (not revoked) token with this SHA-256, else null. It runs as the schema
-- owner, so the feedback writer can check a token without reading the table of token hashes.
do $$
begin
    execute format($f$
        create function %1$I.api_token_analyst(token_sha256 bytea) returns text
            language sql stable strict security definer
            set search_path = %1$I, pg_temp
        as $body$
            select t.analyst from %1$I.api_tokens t
            where t.token_sha256 = $1 and t.revoked_at is null
        $body$
    $f$, current_schema());
end
$$;

revoke execute on function api_token_analyst(bytea) from public;

comment on function api_token_analyst(bytea) is
    'The analyst of the live API token whose SHA-256 this is, or null. For sentinela_feedback_writer.';

-- A person's CPF (the supplier's id when supplier_kind = 'CPF') masked wherever it appears in a
-- text: as stored, as 11 bare digits and punctuated (123.456.789-09). The SQL twin of the API's
-- CpfRedaction.
create function mask_cpf_in_text(t text, cpf text) returns text
    language sql immutable strict parallel safe
as $$
    select case
               when length(d) = 11 then
                   replace(replace(replace(t, cpf, m), d, m),
                           substr(d, 1, 3) || '.' || substr(d, 4, 3) || '.' || substr(d, 7, 3) || '-' || substr(d, 10, 2),
                           m)
               else replace(t, cpf, m)
           end
    from (select mask_cpf(cpf) as m, regexp_replace(cpf, '[^0-9]', '', 'g') as d) forms
$$;

-- The same inside a jsonb document: every string value, and a number that is the CPF's digits.
create function mask_cpf_in_jsonb(doc jsonb, cpf text) returns jsonb
    language plpgsql immutable strict parallel safe
as $$
begin
    case jsonb_typeof(doc)
        when 'object' then
            return (select coalesce(jsonb_object_agg(e.key, mask_cpf_in_jsonb(e.value, cpf)), '{}'::jsonb)
                    from jsonb_each(doc) e);
        when 'array' then
            return (select coalesce(jsonb_agg(mask_cpf_in_jsonb(e.value, cpf) order by e.n), '[]'::jsonb)
                    from jsonb_array_elements(doc) with ordinality e(value, n));
        when 'string' then
            return to_jsonb(mask_cpf_in_text(doc #>> '{}', cpf));
        when 'number' then
            return case when doc::text = cpf or doc::text = regexp_replace(cpf, '[^0-9]', '', 'g')
                        then to_jsonb(mask_cpf(cpf)) else doc end;
        else
            return doc;
    end case;
end
$$;

comment on function mask_cpf_in_text(text, text) is
    'text with the CPF cpf (as given, bare digits, punctuated) replaced by mask_cpf(cpf).';
comment on function mask_cpf_in_jsonb(jsonb, text) is
    'doc with the CPF cpf masked in every string value and in a number equal to its digits.';

-- The flags of the latest published run as the API shows them: a person's CPF masked in the
-- supplier id, object text, explanation and evidence; natural_key (which holds the supplier id)
-- left out. For analysts who must not see CPFs (sentinela_viewer).
create view current_flags_masked as
select a.run_id,
       a.anomaly_id,
       a.detector,
       a.contract_number,
       a.superior_organ_code,
       a.superior_organ_name,
       a.organ_code,
       a.organ_name,
       a.unit_code,
       a.unit_name,
       a.buyer_uf,
       a.buyer_municipality_ibge,
       case when a.supplier_kind = 'CPF' then mask_cpf(a.supplier_id) else a.supplier_id end as supplier_id,
       a.supplier_kind,
       a.supplier_name,
       a.modality,
       case when a.supplier_kind = 'CPF' then mask_cpf_in_text(a.object_text, a.supplier_id)
            else a.object_text end as object_text,
       a.signature_date,
       a.publication_date,
       a.initial_value,
       a.final_value,
       a.score,
       a.severity,
       a.p_value,
       a.q_value,
       a.threshold,
       a.threshold_version,
       case when a.supplier_kind = 'CPF' then mask_cpf_in_jsonb(a.evidence, a.supplier_id)
            else a.evidence end as evidence,
       case when a.supplier_kind = 'CPF' then mask_cpf_in_text(a.explanation, a.supplier_id)
            else a.explanation end as explanation,
       h.first_seen_at,
       h.last_seen_at
from anomalies a
join latest_published_run r on r.run_id = a.run_id
left join anomaly_history h on h.anomaly_id = a.anomaly_id;

comment on view current_flags_masked is
    'The flags of the latest published run with every CPF masked and no natural_key: the view for sentinela_viewer.';

-- The fourth group role, created like the other three (V5).
do $$
declare
    may_create boolean;
begin
    select rolsuper or rolcreaterole into may_create from pg_roles where rolname = current_user;
    if not exists (select 1 from pg_roles where rolname = 'sentinela_viewer') then
        if may_create then
            begin
                create role sentinela_viewer nologin;
            exception when duplicate_object or unique_violation then
                null; -- created meanwhile by a migration of another database on this server
            end;
        else
            raise warning 'Role sentinela_viewer does not exist and % may not create roles, so it gets no privileges. Create it as an administrator (create role sentinela_viewer nologin), then run select sentinela_grant_privileges(); as %.',
                current_user, current_user;
        end if;
    end if;
end
$$;

-- V5's grants, plus:
--   sentinela_viewer:          select on the views that mask CPFs or hold none, and nothing else
--   sentinela_feedback_writer: execute api_token_analyst()
--   api_tokens:                no group role reads or writes it (the default privileges of V5
--                              gave it to them when this migration created it)
create or replace function sentinela_grant_privileges() returns void
    language plpgsql
as $$
declare
    me oid := (select oid from pg_roles where rolname = current_user);
    schema_name text := current_schema();
    has_pipeline boolean := exists (select 1 from pg_roles where rolname = 'sentinela_pipeline');
    has_reader boolean := exists (select 1 from pg_roles where rolname = 'sentinela_reader');
    has_feedback boolean := exists (select 1 from pg_roles where rolname = 'sentinela_feedback_writer');
    has_viewer boolean := exists (select 1 from pg_roles where rolname = 'sentinela_viewer');
    viewer_views text[] := array['current_flags_masked', 'flags_by_uf_month_detector',
                                 'riskiest_buyer_units', 'riskiest_suppliers',
                                 'segment_baseline_history', 'current_baselines',
                                 'current_detector_thresholds', 'latest_published_run'];
    groups text;
    readers text;
    rel record;
begin
    groups := concat_ws(', ',
                        case when has_pipeline then 'sentinela_pipeline' end,
                        case when has_reader then 'sentinela_reader' end,
                        case when has_feedback then 'sentinela_feedback_writer' end,
                        case when has_viewer then 'sentinela_viewer' end);
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
        if has_viewer then
            execute format('grant usage on schema %I to sentinela_viewer', schema_name);
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
        if rel.relkind = 'S' and rel.relname like 'api\_tokens%' then
            if groups <> '' then
                execute format('revoke all on sequence %I.%I from %s', schema_name, rel.relname, groups);
            end if;
            continue;
        end if;
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
        if rel.relname = 'api_tokens' then
            if groups <> '' then
                execute format('revoke all on %I.%I from %s', schema_name, rel.relname, groups);
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
        if has_viewer and rel.relname = any (viewer_views) then
            execute format('grant select on %I.%I to sentinela_viewer', schema_name, rel.relname);
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

    if has_feedback and exists (select 1 from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                                where n.nspname = schema_name and p.proname = 'api_token_analyst'
                                  and p.proowner = me) then
        execute format('grant execute on function %I.api_token_analyst(bytea) to sentinela_feedback_writer',
                       schema_name);
    end if;

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
    'Grants sentinela_pipeline / sentinela_reader / sentinela_feedback_writer / sentinela_viewer their privileges on the objects the caller owns; idempotent.';

select sentinela_grant_privileges();
