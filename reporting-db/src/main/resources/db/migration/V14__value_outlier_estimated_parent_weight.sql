-- Sentinela reporting schema, version 14: VALUE_OUTLIER's rule changed (issue #4), so its threshold
-- gets a new version and tonight's flags say which rule made them. Same cut-off, same parameters;
-- what changed is how much a segment's spread borrows from its parent's:
--   version 2  the parent's spread always weighed min_segment_size (30) contracts;
--   version 3  the weight k is estimated each night per level from the baselines, as the
--              empirical-Bayes step of Smyth's moderated t: k = 1 / (2 · 0.37 · τ²), τ² the
--              variance of ln(MAD / MAD of the parent) across the level's segments beyond what
--              chance gives a MAD of n contracts; capped at the parent's size; min_segment_size
--              stays the weight of a level with fewer than 20 usable segments.
-- On the real files k came out at 13 (UF × modality × organ), 53 (UF × modality) and 91
-- (macro-region × modality): VALUE_OUTLIER 117 flags instead of 105. On the generated, labelled
-- data, whose segments spread like their parents, k is in the hundreds: docs/quality.md.
insert into detector_thresholds (detector, version, threshold, parameters, source, note) values
    ('VALUE_OUTLIER', 3, 3.5,
     '{"min_segment_size": 30, "min_mad": 0.05}'::jsonb,
     'seed',
     'Version 3: the parent''s weight in a segment''s moderated spread is estimated each night '
     || 'per level from the baselines (empirical Bayes), capped at the parent''s size; '
     || 'min_segment_size when a level has too few segments. Cut-off 3.5 as version 2.');
