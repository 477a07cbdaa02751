-- Sentinela reporting schema, version 9: the thresholds of the two detectors that judge a buyer
-- unit's year rather than one contract (BUNCHING, SUPPLIER_CONCENTRATION). Each flag is still one
-- anomalies row, carried by a representative contract, with an id stable per detector, unit, year
-- and limit kind (BUNCHING) or top supplier (SUPPLIER_CONCENTRATION). See spark-analytics/README.md.

insert into detector_thresholds (detector, version, threshold, parameters, source, note) values
    ('BUNCHING', 1, 2.0,
     ('{"window_from": 0.5, "band_from": 0.9, "min_dispensas": 5, "min_band_contracts": 3, '
      || '"max_p_value": 0.01, "prior_contracts": 50, "evidence_contracts": 10, '
      || '"works_terms": "OBRA,OBRAS,ENGENHARIA,REFORMA,REFORMAS", "works_exclusions": "MAO DE OBRA", '
      || '"maintenance_terms": "MANUTENCAO", '
      || '"vehicle_terms": "VEICULO,VEICULOS,VEICULAR,VIATURA,VIATURAS,FROTA,AUTOMOTOR,AUTOMOTORES"}')::jsonb,
     'seed',
     'Dispensas piled up just under the dispensa limit. Each DISPENSA with a positive contracted '
     || 'value (initial, else final) is placed against every dispensa limit in force at its '
     || 'signature for its nature (legal_limits ART75_I/II and ART24_I/II: both laws while buyers '
     || 'could choose; natures from works_terms, works_exclusions, maintenance_terms, vehicle_terms '
     || 'as for CONTRACT_SPLITTING) that it does not exceed, as ratio = value / limit. Per unit, '
     || 'year of signature and limit kind with at least min_dispensas such dispensas: of the n with '
     || 'ratio >= window_from, k have ratio >= band_from. Expected share p0 per law, from every '
     || 'unit''s dispensas: (A + prior_contracts x F) / (R + A + prior_contracts), R = dispensas '
     || 'with ratio in [window_from, band_from), A = those in [2 x band_from - 1, band_from) (the '
     || 'bin as wide as the band just below it), F = (1 - band_from) / (1 - window_from) (a flat '
     || 'density). p-value = P(X >= k), X ~ Binomial(n, p0), exact. Score = (k / n) / p0; flagged '
     || 'when k >= min_band_contracts, the score is at or above the threshold and the p-value at '
     || 'most max_p_value. The evidence lists the evidence_contracts dearest band contracts.'),
    ('SUPPLIER_CONCENTRATION', 1, 3.5,
     ('{"min_contracts": 10, "min_total_value": 100000, "min_peers": 30, "min_mad": 0.02, '
      || '"max_p_value": 0.05, "min_top_share": 0.5, "min_supplier_contracts": 3, '
      || '"evidence_contracts": 10}')::jsonb,
     'seed',
     'One supplier takes most of a buyer unit''s year. Per unit and year of signature with at '
     || 'least min_contracts contracts (identified suppliers, positive contracted value) worth at '
     || 'least min_total_value: HHI = sum of the suppliers'' squared value shares. Peers: unit-years '
     || 'in size bands of contract counts doubling from min_contracts, consecutive bands merged '
     || 'until each group has min_peers. Score = (HHI - median) / (1.4826 x max(MAD, min_mad)) of '
     || 'the peer group; p-value = share of the peer group with an HHI at least as high (the '
     || 'unit-year included). Flagged when the score is at or above the threshold, the p-value at '
     || 'most max_p_value, and the top supplier has at least min_top_share of the value and at '
     || 'least min_supplier_contracts contracts. The evidence lists the evidence_contracts dearest '
     || 'contracts of the top supplier.');
