-- Sentinela reporting schema, version 12: SUPPLIER_CONCENTRATION's statistic changed (issue #4), so
-- its threshold gets a new version and tonight's flags say which rule made them.
--
-- Version 1 scored the HHI of a unit-year's contract VALUES against its peers. Contract values are
-- heavy-tailed: one large contract makes a unit-year's value HHI near 1 whoever signs the rest, so
-- the peers' median HHI is high (about 0.4 for 10–19 contracts, MAD 0.14) and a robust z of a
-- quantity bounded by 1 could not reach 3.5 even for a unit whose every contract went to one
-- supplier (HHI 1: z = 3.0), while
-- unit-years where a few dear contracts held the money could be flagged (docs/quality.md).
--
-- Version 2 takes as top supplier the one that signed the most contracts (ties: larger value) and
-- scores its share of the unit-year's CONTRACTS, k of n, on the empirical-logit scale
-- ln((k + 1/2) / (n - k + 1/2)), by robust z against the same peer groups (sizes doubling from
-- min_contracts, at least min_peers unit-years); the p-value is still the share of the peer group
-- at least as high. Flagged when z >= threshold, p <= max_p_value, and the top supplier signed at
-- least min_top_contract_share of the contracts (new) and at least min_supplier_contracts of them.
-- min_top_share (least value share) is 0: one dear contract of another supplier does not undo a
-- supplier signing 11 of a unit's 12 contracts; the value share stays in the evidence. min_mad is
-- now in logit units (peer groups' MAD is about 0.25 on the labelled evaluation; 0.1 only guards
-- degenerate groups).
insert into detector_thresholds (detector, version, threshold, parameters, source, note) values
    ('SUPPLIER_CONCENTRATION', 2, 3.5,
     ('{"min_contracts": 10, "min_total_value": 100000, "min_peers": 30, "min_mad": 0.1, '
      || '"max_p_value": 0.05, "min_top_share": 0, "min_top_contract_share": 0.5, '
      || '"min_supplier_contracts": 3, "evidence_contracts": 10}')::jsonb,
     'seed',
     'Version 2: robust z, among peer unit-years of similar size, of the empirical logit '
     || 'ln((k + 1/2) / (n - k + 1/2)) of the top supplier''s (most contracts) k of the '
     || 'unit-year''s n contracts (version 1: HHI of values). Flagged when z >= threshold, the '
     || 'empirical p-value <= max_p_value, and the top supplier signed at least '
     || 'min_top_contract_share and min_supplier_contracts of the contracts and holds at least '
     || 'min_top_share of the value.');
