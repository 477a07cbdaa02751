-- Example analyst queries over Sentinela's reporting database (see docs/reporting.md).
-- They need only the sentinela_reader role. Each statement ends with a semicolon at the end of
-- a line; ExampleQueriesTest in reporting-api runs every one of them against a real PostgreSQL
-- with published fixture data and checks that each returns rows.
--
--   psql "$DATABASE_URL" -f docs/reporting-examples.sql

-- 1. Where and when: flags of the latest published run per state and signature month,
--    the months with the most high-severity flags first.
select buyer_uf,
       signature_month,
       sum(flags) as flags,
       sum(high_flags) as high_flags,
       sum(final_value_sum) as final_value_sum
from flags_by_uf_month_detector
group by buyer_uf, signature_month
order by high_flags desc, flags desc, buyer_uf, signature_month;

-- 2. Which detector flags what, per state: each detector's share of the state's flags.
select buyer_uf,
       detector,
       sum(flags) as flags,
       round(100.0 * sum(flags) / sum(sum(flags)) over (partition by buyer_uf), 1) as pct_of_state
from flags_by_uf_month_detector
group by buyer_uf, detector
order by buyer_uf, flags desc;

-- 3. The 20 riskiest buyer units: most high-severity flags, then the highest sum of scores.
--    flagged_value counts each contract once, even when two detectors flag it.
select unit_code, unit_name, organ_name, buyer_uf,
       flags, high_flags, round(max_score::numeric, 2) as max_score,
       flagged_contracts, flagged_value
from riskiest_buyer_units
limit 20;

-- 4. Suppliers with the most money in flagged contracts. A person's CPF is shown masked.
select supplier_id, supplier_kind, supplier_name, flags, high_flags, flagged_contracts,
       flagged_value
from riskiest_suppliers
order by flagged_value desc, flags desc
limit 20;

-- 5. Suppliers flagged at several buyer units: worth a look for coordinated overpricing.
select supplier_id, supplier_kind, supplier_name, buyer_units, flags,
       round(score_sum::numeric, 1) as score_sum
from riskiest_suppliers
where buyer_units >= 2
order by buyer_units desc, score_sum desc;

-- 6. The baseline of one segment over the year before the latest publication: how the typical
--    value (median_value, in reais) and the spread (MAD of ln value) moved night by night.
select published_at::date as night,
       contracts,
       round(median_value::numeric, 2) as median_value,
       round(mad_log_value::numeric, 3) as mad_log_value
from segment_baseline_history
where level = 'UF_MODALITY'
  and segment_key = 'uf=RJ|modality=PREGAO'
  and published_at > (select published_at from latest_published_run) - interval '1 year'
order by published_at;

-- 7. Segments whose typical value moved most between the two latest published runs.
with ranked as (
    select h.*, dense_rank() over (order by published_at desc, run_id desc) as age
    from segment_baseline_history h
)
select latest.level,
       latest.segment_key,
       round(previous.median_value::numeric, 2) as previous_median_value,
       round(latest.median_value::numeric, 2) as latest_median_value,
       round((100 * (latest.median_value / previous.median_value - 1))::numeric, 1) as change_pct
from ranked latest
join ranked previous
  on previous.level = latest.level and previous.segment_key = latest.segment_key
where latest.age = 1 and previous.age = 2
order by abs(latest.median_value / previous.median_value - 1) desc, latest.level, latest.segment_key
limit 20;

-- 8. The worklist: high-severity flags of the latest run that no analyst has judged yet.
select a.anomaly_id, a.detector, round(a.score::numeric, 2) as score, a.contract_number,
       a.unit_name, a.buyer_uf, a.final_value, a.first_seen_at
from current_anomalies a
where a.severity = 'HIGH'
  and not exists (select 1 from feedback f where f.anomaly_id = a.anomaly_id)
order by a.score desc, a.anomaly_id
limit 50;

-- 9. How the analysts judged each detector's flags so far: confirmed, dismissed, expected.
select a.detector,
       count(*) filter (where f.verdict = 'CONFIRMED') as confirmed,
       count(*) filter (where f.verdict = 'DISMISSED') as dismissed,
       count(*) filter (where f.verdict = 'EXPECTED') as expected,
       count(distinct f.analyst) as analysts
from feedback f
join current_anomalies a on a.anomaly_id = f.anomaly_id
group by a.detector
order by a.detector;
