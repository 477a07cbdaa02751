-- Sentinela reporting schema, version 10: the TEMPORAL_SPIKE detector, which judges a buyer unit's
-- month rather than one contract: how many contracts it signed against its own typical month.
-- Each flag is one anomalies row, carried by the month's largest contract, with an id stable per
-- unit and month. Its seasonal factors of month counts share the seasonal_factors table with the
-- contract values'. See spark-analytics/README.md
-- ("Seasonality", "TEMPORAL_SPIKE").

-- seasonal_factors now holds two kinds of segment:
--   contract values  the baselines' levels and keys (UF_MODALITY_ORGAN … NATIONAL); an observation
--                    is a contract's ln(value)
--   unit months      levels UNIT_MONTH_UF, UNIT_MONTH_MACRO, UNIT_MONTH_NATIONAL, keys uf=RJ,
--                    macro=SE, national; an observation is ln of a buyer unit's contracts in a
--                    month minus the median over its months (units with at least TEMPORAL_SPIKE's
--                    min_months)
comment on table seasonal_factors is
    'Per run, segment and month of the year: ln of how far that month runs above the segment''s median (contract values, or buyer units'' monthly contract counts), shrunk toward the coarser segment''s factor.';
comment on column seasonal_factors.factor is
    'ln(multiple of the segment median); exp(factor) = 1.8 means the month runs 1.8 times the median. VALUE_OUTLIER subtracts it from ln(value); TEMPORAL_SPIKE multiplies a unit''s typical monthly count by exp(factor).';

-- TEMPORAL_SPIKE: a buyer unit's month with far more contracts than its own typical month, after
-- the usual seasonal effect. The count x is taken as over-dispersed Poisson with mean
-- μ = (median over the unit's months of count / seasonal multiple) × this month's seasonal multiple;
-- threshold: z = (2√(x + 3/8) − 2√(μ + 3/8)) / √φ (Anscombe residual, one-sided), with φ ≥ 1 the
-- unit's own over-dispersion, (1.4826 × MAD of its residuals)².
--   min_months     fewest months with contracts a unit needs to be tested
--   min_total      smallest month total (R$) tested: a busy month of small purchases is no audit
--   min_coverage   a calendar month counts only when the nation's contracts in it reach this share
--                  of the median of the 12 latest months': contracts signed years before the files
--                  the lake holds are thin and would drag a unit's typical month down
--   top_contracts  how many of the month's contracts the evidence lists, largest first
insert into detector_thresholds (detector, version, threshold, parameters, source, note) values
    ('TEMPORAL_SPIKE', 1, 3.5,
     '{"min_months": 12, "min_total": 10000, "min_coverage": 0.5, "top_contracts": 10}'::jsonb,
     'seed',
     'Anscombe residual of a unit''s monthly contract count against its seasonally expected count, '
     || 'over its own over-dispersion; 3.5 as for VALUE_OUTLIER. Units with fewer than min_months '
     || 'months are not tested.');
