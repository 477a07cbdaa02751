-- Sentinela reporting schema, version 8: the seasonal factors the nightly analysis estimates (value
-- outliers and buyer units' month totals are adjusted by them), and the TEMPORAL_SPIKE detector's
-- threshold. See spark-analytics/README.md ("Seasonality", "TEMPORAL_SPIKE").

-- One row per run, segment and month of the year with observations. Two kinds of segment:
--   contract values  the baselines' levels and keys (UF_MODALITY_ORGAN … NATIONAL); an observation
--                    is a contract's ln(value)
--   unit months      levels UNIT_MONTH_UF, UNIT_MONTH_MACRO, UNIT_MONTH_NATIONAL, keys uf=RJ,
--                    macro=SE, national; an observation is a buyer unit's ln(month total) minus the
--                    median over its months (units with at least TEMPORAL_SPIKE's min_months)
--   observations, years  how many in that month (all years together), in how many distinct years
--   median       their median
--   raw_factor   median minus the segment's median over all months
--   factor       what is used: ln of how far the month runs above the segment's median; 0 = no
--                seasonal effect, ln 1.8 = 0.588 = December runs 1.8 times the median
--   weight       how much raw_factor counts: observations / (observations + 20) when the month was
--                seen in at least 2 distinct years, else 0; the rest is the parent segment's factor
--   anchor_level the finest level (this or coarser) whose own months carry weight; null when none
--                has enough years of that month (factor 0)
create table seasonal_factors (
    run_id           text not null references runs (run_id) on delete cascade,
    level            text not null,
    segment_key      text not null,
    month            smallint not null check (month between 1 and 12),
    observations     bigint not null check (observations > 0),
    years            integer not null check (years between 1 and observations),
    median           double precision not null,
    raw_factor       double precision not null,
    weight           double precision not null check (weight between 0 and 1),
    factor           double precision not null,
    anchor_level     text,
    primary key (run_id, level, segment_key, month)
);

comment on table seasonal_factors is
    'Per run, segment and month of the year: ln of how far that month runs above the segment''s median (contract values, or buyer units'' month totals), shrunk toward the coarser segment''s factor.';
comment on column seasonal_factors.factor is
    'ln(multiple of the segment median); exp(factor) = 1.8 means the month runs 1.8 times the median. VALUE_OUTLIER subtracts it from ln(value), TEMPORAL_SPIKE from ln(month total).';

-- A segment's seasonal profile over the runs (e.g. how its December factor moves).
create index seasonal_factors_segment_history on seasonal_factors (level, segment_key, month, run_id);

create view current_seasonal_factors as
select s.*
from seasonal_factors s
join latest_published_run r on r.run_id = s.run_id;

comment on view current_seasonal_factors is 'The seasonal factors of the latest published run.';

select sentinela_grant_privileges();

-- TEMPORAL_SPIKE: a buyer unit's month whose total is far above its own typical month, after the
-- usual seasonal effect. threshold: robust z of the adjusted ln(month total) (one-sided).
--   min_months     fewest months with contracts a unit needs to be tested
--   min_total      smallest month total (R$) tested
--   min_mad        floor of the MAD of a unit's adjusted ln(month total)
--   top_contracts  how many of the month's contracts the evidence lists, largest first
insert into detector_thresholds (detector, version, threshold, parameters, source, note) values
    ('TEMPORAL_SPIKE', 1, 3.5,
     '{"min_months": 12, "min_total": 10000, "min_mad": 0.25, "top_contracts": 10}'::jsonb,
     'seed',
     'Robust z of a unit''s seasonally adjusted ln(month total) against the median and MAD of its '
     || 'own months; 3.5 as for VALUE_OUTLIER. Units with fewer than min_months months are not tested.');
