-- Fills a reporting database with benchmark flags: psql -v flags=N -f load-flags.sql
-- Three published runs: bench-run-3 (the latest, N flags) and two older nights (N/5 flags each,
-- subsets of the latest, with shifted scores), every flag with its anomaly_history row.
-- 28 buyer UFs with a realistic skew, 5,000 buyer units, 50,000 suppliers (10% people, CPFs with
-- wrong check digits so none can be a real person's), the five detectors in the proportions of the
-- real sample, scores with ties. Deterministic: the same N gives the same rows.
-- The caller has checked that the database holds no runs but benchmark ones (bench-run-*).
\set ON_ERROR_STOP on
set synchronous_commit = off;
set maintenance_work_mem = '256MB';
select setseed(0.42) as seeded \gset

begin;
delete from runs where run_id like 'bench-run-%';
delete from anomaly_history where anomaly_id like 'bench-%';

-- Building the secondary indexes once after the load is several times faster than maintaining
-- them row by row: drop them here and re-create them, exactly as the migrations made them, below.
create temporary table bench_index_definitions as
select indexname, indexdef from pg_indexes
where schemaname = current_schema() and tablename = 'anomalies' and indexname <> 'anomalies_pkey';
select format('drop index %I', indexname) from bench_index_definitions \gexec

insert into runs (run_id, started_at, finished_at, status, input_dir, contracts_analysed,
                  anomalies, published_at)
select 'bench-run-' || k,
       now() - make_interval(days => 3 - k, hours => 4),
       now() - make_interval(days => 3 - k, hours => 3),
       'SUCCEEDED', 'benchmark', 40 * :flags,
       case when k = 3 then :flags else :flags / 5 end,
       now() - make_interval(days => 3 - k, hours => 3)
from generate_series(1, 3) k;

-- UFs weighted roughly like the Portal's federal buyers (BR = national bodies).
create temporary table bench_ufs as
select uf, weight, sum(weight) over (order by uf) - weight as lower_bound
from (values ('BR', 18), ('DF', 12), ('RJ', 11), ('SP', 9), ('MG', 8), ('RS', 6), ('PR', 4),
             ('BA', 4), ('PE', 3), ('CE', 3), ('PA', 3), ('SC', 2), ('GO', 2), ('AM', 2),
             ('MA', 2), ('PB', 1), ('RN', 1), ('ES', 1), ('MT', 1), ('MS', 1), ('AL', 1),
             ('PI', 1), ('SE', 1), ('RO', 1), ('TO', 1), ('AC', 1), ('AP', 1), ('RR', 1)) w(uf, weight);

create temporary table bench_units as
select n,
       (150000 + n)::text as unit_code,
       'UNIDADE GESTORA DE BENCHMARK ' || n as unit_name,
       (26000 + n % 40)::text as superior_organ_code,
       'MINISTERIO DE BENCHMARK ' || n % 40 as superior_organ_name,
       (26200 + n % 400)::text as organ_code,
       'ORGAO DE BENCHMARK ' || n % 400 as organ_name,
       u.uf,
       case when u.uf = 'BR' then null else lpad((1000000 + n * 37 % 8999999)::text, 7, '0') end
           as municipality
from generate_series(0, 4999) n
join bench_ufs u on (n * 7919 % 100) >= u.lower_bound and (n * 7919 % 100) < u.lower_bound + u.weight;

create temporary table bench_suppliers as
select n,
       case when n % 10 = 7
            -- 9 digits, then a first check digit one more than the right one: never a valid CPF
            then base || ((((select sum(substr(base, p, 1)::int * (11 - p))
                              from generate_series(1, 9) p) * 10 % 11) % 10 + 1) % 10)::text || '0'
            else lpad((11000000000000 + n::bigint * 7919)::text, 14, '0')
       end as supplier_id,
       case when n % 10 = 7 then 'CPF' else 'CNPJ' end as supplier_kind,
       case when n % 10 = 7 then 'PESSOA DE BENCHMARK ' || n
            else 'EMPRESA DE BENCHMARK ' || n || ' LTDA' end as supplier_name
from (select n, lpad((n::bigint * 104729 % 1000000000)::text, 9, '0') as base
      from generate_series(0, 49999) n) s;

create temporary table bench_objects (n int, text text);
insert into bench_objects values
    (0, 'AQUISICAO DE MATERIAL DE EXPEDIENTE PARA ATENDER AS NECESSIDADES DA UNIDADE'),
    (1, 'CONTRATACAO DE EMPRESA ESPECIALIZADA NA PRESTACAO DE SERVICOS CONTINUOS DE LIMPEZA, CONSERVACAO E HIGIENIZACAO'),
    (2, 'REFORMA DO EDIFICIO SEDE, COM FORNECIMENTO DE MATERIAIS E MAO DE OBRA; ADEQUACAO ELETRICA'),
    (3, 'AQUISICAO DE MEDICAMENTOS E INSUMOS HOSPITALARES PARA O HOSPITAL UNIVERSITARIO'),
    (4, 'SERVICO DE MANUTENCAO PREVENTIVA E CORRETIVA DE VEICULOS OFICIAIS, COM FORNECIMENTO DE PECAS'),
    (5, 'LOCACAO DE IMOVEL PARA FUNCIONAMENTO DA AGENCIA "REGIONAL" DO INSS'),
    (6, 'FORNECIMENTO DE GENEROS ALIMENTICIOS PARA O PROGRAMA NACIONAL DE ALIMENTACAO ESCOLAR'),
    (7, 'CONTRATACAO DE SERVICOS DE TECNOLOGIA DA INFORMACAO: SUPORTE, SUSTENTACAO E DESENVOLVIMENTO DE SISTEMAS');

-- The latest run's flags.
insert into anomalies (run_id, anomaly_id, detector, natural_key, contract_number,
    superior_organ_code, superior_organ_name, organ_code, organ_name, unit_code, unit_name,
    buyer_uf, buyer_municipality_ibge, supplier_id, supplier_kind, supplier_name, modality,
    object_text, signature_date, publication_date, initial_value, final_value, score, severity,
    threshold, threshold_version, evidence, explanation, p_value, q_value)
select 'bench-run-3',
       'bench-' || md5(i::text),
       f.detector,
       u.unit_code || '|' || f.contract_number || '|' || s.supplier_id,
       f.contract_number,
       u.superior_organ_code, u.superior_organ_name, u.organ_code, u.organ_name,
       u.unit_code, u.unit_name, u.uf, u.municipality,
       s.supplier_id, s.supplier_kind, s.supplier_name,
       (array['PREGAO', 'DISPENSA', 'INEXIGIBILIDADE', 'CONCORRENCIA', 'NOT_INFORMED'])[1 + i % 5],
       o.text || ' - PROCESSO ' || i,
       f.signature_date,
       f.signature_date + 3,
       f.initial_value,
       round(f.initial_value * (1 + f.score / 4), 4),
       f.score::double precision,
       case when f.score >= 7 then 'HIGH' when f.score >= 4 then 'MEDIUM' else 'LOW' end,
       3.5, 1,
       jsonb_build_object('score', f.score, 'segment',
                          jsonb_build_object('level', 'UF_MODALITY', 'key', u.uf || '|PREGAO',
                                             'contracts', 100 + i % 900),
                          'initial_value', f.initial_value, 'median_log_value', 10.5),
       'Final value R$ ' || round(f.initial_value * (1 + f.score / 4), 2) || ' is '
           || round(f.score * 25) || '% above the initial value R$ ' || round(f.initial_value, 2)
           || ': more than the 25% the law allows.',
       f.p_value,
       least(1, f.p_value * 3)
from (select i,
             case when i * 7 % 1000 < 520 then 'AMENDMENT_OVER_LIMIT'
                  when i * 7 % 1000 < 770 then 'IMPLAUSIBLE_VALUE'
                  when i * 7 % 1000 < 950 then 'VALUE_OUTLIER'
                  when i * 7 % 1000 < 975 then 'CONTRACT_SPLITTING'
                  else 'DUPLICATE_REGISTRATION' end as detector,
             lpad((i % 100000)::text, 5, '0') || '/' || (2019 + i % 7) as contract_number,
             date '2019-01-01' + i % 2500 as signature_date,
             round(exp(7 + random() * 9)::numeric, 4) as initial_value,
             least(10, round((1 + 9.5 * random() ^ 2)::numeric, 2)) as score,
             random() ^ 4 as p_value
      from generate_series(1, :flags) i) f
join bench_units u on u.n = f.i * 7 % 5000
join bench_suppliers s on s.n = f.i * 13 % 50000
join bench_objects o on o.n = f.i % 8;

-- Two older nights: a fifth of the latest run's flags each, scores shifted.
insert into anomalies (run_id, anomaly_id, detector, natural_key, contract_number,
    superior_organ_code, superior_organ_name, organ_code, organ_name, unit_code, unit_name,
    buyer_uf, buyer_municipality_ibge, supplier_id, supplier_kind, supplier_name, modality,
    object_text, signature_date, publication_date, initial_value, final_value, score, severity,
    threshold, threshold_version, evidence, explanation, p_value, q_value)
select 'bench-run-' || k, anomaly_id, detector, natural_key, contract_number,
       superior_organ_code, superior_organ_name, organ_code, organ_name, unit_code, unit_name,
       buyer_uf, buyer_municipality_ibge, supplier_id, supplier_kind, supplier_name, modality,
       object_text, signature_date, publication_date, initial_value, final_value,
       greatest(1, score - k * 0.25), severity, threshold, threshold_version, evidence,
       explanation, p_value, q_value
from anomalies, generate_series(1, 2) k
where run_id = 'bench-run-3' and abs(('x' || substr(anomaly_id, 7, 8))::bit(32)::int) % 5 = k;

insert into anomaly_history (anomaly_id, first_seen_run, first_seen_at, last_seen_run, last_seen_at)
select a.anomaly_id, min(a.run_id), min(r.published_at), 'bench-run-3', max(r.published_at)
from anomalies a join runs r on r.run_id = a.run_id
where a.run_id like 'bench-run-%'
group by a.anomaly_id;

select indexdef from bench_index_definitions \gexec
commit;

vacuum analyze runs;
vacuum analyze anomalies;
vacuum analyze anomaly_history;
