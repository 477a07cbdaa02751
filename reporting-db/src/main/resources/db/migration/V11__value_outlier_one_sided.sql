-- Sentinela reporting schema, version 11: VALUE_OUTLIER's rule changed (issue #4), so its threshold
-- gets a new version and tonight's flags say which rule made them. Same cut-off, same parameters;
-- what changed is how they are used:
--   - only values ABOVE their segment are flagged (a far-too-cheap contract puts no money at risk
--     and is a data-quality matter, which IMPLAUSIBLE_VALUE covers);
--   - a segment's spread (MAD) is moderated toward its parent segment's, the parent weighing
--     min_segment_size contracts, so a small segment with a narrow spread by chance does not make
--     ordinary values look extreme;
--   - the p-value is one-sided Student t with degrees of freedom growing with the segment's size,
--     and a flag needs z >= threshold and p <= the normal upper tail at the threshold.
insert into detector_thresholds (detector, version, threshold, parameters, source, note) values
    ('VALUE_OUTLIER', 2, 3.5,
     '{"min_segment_size": 30, "min_mad": 0.05}'::jsonb,
     'seed',
     'Version 2: upper side only; spread moderated toward the parent segment (weight '
     || 'min_segment_size); one-sided size-aware Student-t p-value. Cut-off 3.5 as version 1.');
