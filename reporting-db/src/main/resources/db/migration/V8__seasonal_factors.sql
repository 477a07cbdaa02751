-- Sentinela reporting schema, version 8: the seasonal factors the nightly analysis estimates and
-- the value outliers are adjusted by. See spark-analytics/README.md ("Seasonality").

-- One row per run, segment and month of the year with observations. Segments are the baselines'
-- (same level and key); an observation is a contract's ln(value).
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
    'Per run, segment and month of the year: ln of how far that month runs above the segment''s median, shrunk toward the coarser segment''s factor.';
comment on column seasonal_factors.factor is
    'ln(multiple of the segment median); exp(factor) = 1.8 means the month runs 1.8 times the median. VALUE_OUTLIER subtracts it from ln(value).';

-- A segment's seasonal profile over the runs (e.g. how its December factor moves).
create index seasonal_factors_segment_history on seasonal_factors (level, segment_key, month, run_id);

create view current_seasonal_factors as
select s.*
from seasonal_factors s
join latest_published_run r on r.run_id = s.run_id;

comment on view current_seasonal_factors is 'The seasonal factors of the latest published run.';

select sentinela_grant_privileges();
