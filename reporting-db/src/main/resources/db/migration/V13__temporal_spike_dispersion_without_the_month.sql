-- Sentinela reporting schema, version 13: TEMPORAL_SPIKE's rule changed (issue #4), so its threshold
-- gets a new version and tonight's flags say which rule made them. Same cut-off, same parameters;
-- what changed is the over-dispersion φ a month is judged with:
--   version 1  φ = (1.4826 × MAD of all the unit's Anscombe residuals)², floored at 1: a MAD ignores
--              bursts, so a unit that signs dozens of contracts at once every few months (common on
--              the real Portal files) had every burst flagged against its quiet months;
--   version 2  φ = mean square of the residuals of the unit's OTHER months (n − 2 degrees of
--              freedom), floored at 1, a deleted residual: a lone burst does not hide itself, and a
--              unit that works in bursts has each burst judged against its other bursts too.
-- On the real files: 120 flagged unit-months with version 1, 75 with version 2; on the generated,
-- labelled data the same labels are found.
insert into detector_thresholds (detector, version, threshold, parameters, source, note) values
    ('TEMPORAL_SPIKE', 2, 3.5,
     '{"min_months": 12, "min_total": 10000, "min_coverage": 0.5, "top_contracts": 10}'::jsonb,
     'seed',
     'Version 2: over-dispersion from the unit''s other months (mean square of their Anscombe '
     || 'residuals, floored at 1) instead of the MAD of all its months. Cut-off 3.5 as version 1.');
