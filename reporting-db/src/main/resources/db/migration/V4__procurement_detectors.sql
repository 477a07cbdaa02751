-- Sentinela reporting schema, version 4: the legal limits the procurement detectors apply, and
-- the thresholds of those detectors (AMENDMENT_OVER_LIMIT, IMPLAUSIBLE_VALUE, CONTRACT_SPLITTING,
-- DUPLICATE_REGISTRATION). See spark-analytics/README.md.

-- Legal limits, one row per limit and period of validity. A new decree is a new row (closing the
-- previous row's valid_to), never a changed amount. The analytics reads the whole table once per
-- run and refuses overlapping periods of the same limit_kind.
--   law         LEI_8666 (Lei 8.666/93) or LEI_14133 (Lei 14.133/2021)
--   limit_kind  ART75_I   Lei 14.133 art. 75 I: dispensa by value, works, engineering services
--                         and vehicle maintenance
--               ART75_II  Lei 14.133 art. 75 II: dispensa by value, other purchases and services
--               ART24_I   Lei 8.666 art. 24 I: dispensa by value, works and engineering services
--               ART24_II  Lei 8.666 art. 24 II: dispensa by value, other purchases and services
--               ART125_AMENDMENT / ART125_RENOVATION  Lei 14.133 art. 125: amendments may raise a
--                         contract by up to 25% of its updated initial value, 50% for the
--                         renovation of a building or equipment
--               ART65_AMENDMENT / ART65_RENOVATION    Lei 8.666 art. 65 §1º: the same 25% / 50%
--   year        the year the amount was set for (dispensa limits are updated yearly by decree)
--   amount      reais (unit BRL) or a fraction of the initial value (unit RATIO)
--   act         the act that set the amount
--   valid_from, valid_to  inclusive dates; valid_to null = in force until superseded
create table legal_limits (
    law         text not null check (law in ('LEI_8666', 'LEI_14133')),
    limit_kind  text not null,
    year        integer not null,
    amount      numeric(18, 4) not null check (amount > 0),
    unit        text not null check (unit in ('BRL', 'RATIO')),
    act         text not null,
    valid_from  date not null,
    valid_to    date,
    note        text,
    primary key (limit_kind, valid_from),
    check (valid_to is null or valid_to >= valid_from)
);

comment on table legal_limits is 'Versioned legal limits (dispensa by value, amendment ceilings) the procurement detectors apply.';

insert into legal_limits (law, limit_kind, year, amount, unit, act, valid_from, valid_to, note) values
    ('LEI_8666', 'ART24_I', 2018, 33000.00, 'BRL', 'Dec. 9.412/2018', date '2018-07-19', date '2023-12-30',
     '10% of the convite limit for works (R$ 330.000); the decree of 18 June 2018 took effect 30 days after publication; Lei 8.666 was revoked on 30 Dec 2023'),
    ('LEI_8666', 'ART24_II', 2018, 17600.00, 'BRL', 'Dec. 9.412/2018', date '2018-07-19', date '2023-12-30',
     '10% of the convite limit for purchases and services (R$ 176.000); the decree of 18 June 2018 took effect 30 days after publication; Lei 8.666 was revoked on 30 Dec 2023'),

    ('LEI_14133', 'ART75_I', 2021, 100000.00, 'BRL', 'Lei 14.133/2021', date '2021-04-01', date '2021-12-31',
     'Original amount of the law, published 1 April 2021'),
    ('LEI_14133', 'ART75_II', 2021, 50000.00, 'BRL', 'Lei 14.133/2021', date '2021-04-01', date '2021-12-31',
     'Original amount of the law, published 1 April 2021'),
    ('LEI_14133', 'ART75_I', 2022, 108040.82, 'BRL', 'Dec. 10.922/2021', date '2022-01-01', date '2022-12-31',
     'Yearly update'),
    ('LEI_14133', 'ART75_II', 2022, 54020.41, 'BRL', 'Dec. 10.922/2021', date '2022-01-01', date '2022-12-31',
     'Yearly update'),
    ('LEI_14133', 'ART75_I', 2023, 114416.65, 'BRL', 'Dec. 11.317/2022', date '2023-01-01', date '2023-12-31',
     'Yearly update'),
    ('LEI_14133', 'ART75_II', 2023, 57208.33, 'BRL', 'Dec. 11.317/2022', date '2023-01-01', date '2023-12-31',
     'Yearly update'),
    ('LEI_14133', 'ART75_I', 2024, 119812.02, 'BRL', 'Dec. 11.871/2023', date '2024-01-01', date '2024-12-31',
     'Yearly update'),
    ('LEI_14133', 'ART75_II', 2024, 59906.02, 'BRL', 'Dec. 11.871/2023', date '2024-01-01', date '2024-12-31',
     'Yearly update'),
    ('LEI_14133', 'ART75_I', 2025, 125451.15, 'BRL', 'Dec. 12.343/2024', date '2025-01-01', date '2025-12-31',
     'Yearly update'),
    ('LEI_14133', 'ART75_II', 2025, 62725.59, 'BRL', 'Dec. 12.343/2024', date '2025-01-01', date '2025-12-31',
     'Yearly update'),
    ('LEI_14133', 'ART75_I', 2026, 130984.20, 'BRL', 'Dec. 12.807/2025', date '2026-01-01', null,
     'Yearly update; in force until the next decree'),
    ('LEI_14133', 'ART75_II', 2026, 65492.11, 'BRL', 'Dec. 12.807/2025', date '2026-01-01', null,
     'Yearly update; in force until the next decree'),

    ('LEI_8666', 'ART65_AMENDMENT', 1993, 0.25, 'RATIO', 'Lei 8.666/93 art. 65 §1º', date '1993-06-22', date '2023-12-30',
     'Additions up to 25% of the updated initial value of the contract'),
    ('LEI_8666', 'ART65_RENOVATION', 1993, 0.50, 'RATIO', 'Lei 8.666/93 art. 65 §1º', date '1993-06-22', date '2023-12-30',
     'Additions up to 50% for the renovation of a building or equipment'),
    ('LEI_14133', 'ART125_AMENDMENT', 2021, 0.25, 'RATIO', 'Lei 14.133/2021 art. 125', date '2021-04-01', null,
     'Additions up to 25% of the updated initial value of the contract'),
    ('LEI_14133', 'ART125_RENOVATION', 2021, 0.50, 'RATIO', 'Lei 14.133/2021 art. 125', date '2021-04-01', null,
     'Additions up to 50% for the renovation of a building or equipment');

-- Where both laws have a limit for a date (1 April 2021 to 30 December 2023, when buyers could
-- choose either), the detectors apply Lei 14.133's: the higher dispensa limits, so fewer flags.

insert into detector_thresholds (detector, version, threshold, parameters, source, note) values
    ('AMENDMENT_OVER_LIMIT', 1, 1.0,
     ('{"renovation_terms": "REFORMA,REFORMAS",'
     || ' "continuing_service_terms": "CONTINUO,CONTINUOS,CONTINUA,CONTINUAS,CONTINUADO,CONTINUADOS,CONTINUADA,CONTINUADAS",'
     || ' "min_initial_value": 1000}')::jsonb,
     'seed',
     'Score = (final - initial) / initial divided by the legal amendment limit of the law in force '
     || 'at signature (legal_limits ART125_* / ART65_*: 25%, 50% when the case-folded object text '
     || 'holds one of renovation_terms as a word). Flagged when the score is above the threshold, '
     || 'so 1.0 is the legal limit itself; scores are capped at 10. Not examined: initial values '
     || 'below min_initial_value (placeholders such as R$ 0,01, reported by IMPLAUSIBLE_VALUE), '
     || 'no final value, and continuing services (continuing_service_terms in the object), whose '
     || 'final value in the Portal includes yearly renewals.'),
    ('IMPLAUSIBLE_VALUE', 1, 1.0,
     ('{"slip_powers_of_ten": "2,3", "slip_tolerance_log10": 0.01, "max_plausible_value": 1000000000, '
      || '"p99_min_segment_size": 1000, "min_plausible_value": 1}')::jsonb,
     'seed',
     'Three rules, each scored so that 1.0 is its trigger; the score is the strongest rule. '
     || 'SCALE_SLIP: |log10(final/initial)| within slip_tolerance_log10 of a power in '
     || 'slip_powers_of_ten, score tolerance / deviation (at most 10). ABOVE_MAXIMUM: a value above '
     || 'max_plausible_value, or above the p99 of its finest segment with at least '
     || 'p99_min_segment_size contracts when that is higher, score value / bound. '
     || 'AT_OR_BELOW_MINIMUM: a non-zero value at or below min_plausible_value (zero means not '
     || 'informed), score minimum / value (at most 10). Flagged at or above the threshold.'),
    ('CONTRACT_SPLITTING', 1, 1.0,
     ('{"window_days": 90, "min_contracts": 2, '
      || '"works_terms": "OBRA,OBRAS,ENGENHARIA,REFORMA,REFORMAS", "works_exclusions": "MAO DE OBRA", '
      || '"maintenance_terms": "MANUTENCAO", '
      || '"vehicle_terms": "VEICULO,VEICULOS,VEICULAR,VIATURA,VIATURAS,FROTA,AUTOMOTOR,AUTOMOTORES"}')::jsonb,
     'seed',
     'Fracionamento: at least min_contracts DISPENSA contracts of the same buyer unit and supplier, '
     || 'signed in the same calendar year within window_days of each other (last - first <= '
     || 'window_days), each at or under the dispensa limit for its date and kind (legal_limits '
     || 'ART75_I/II from 1 April 2021, ART24_I/II before), together above it. Works/engineering '
     || '(works_terms, minus works_exclusions) and, under Lei 14.133, vehicle maintenance '
     || '(a maintenance term and a vehicle term) take the works limit; anything else the '
     || 'purchases and services limit. Score = sum of the window / limit; flagged above the '
     || 'threshold, so 1.0 is the limit itself.'),
    ('DUPLICATE_REGISTRATION', 1, 2,
     '{}'::jsonb,
     'seed',
     'Score = number of registrations with the same buyer unit, supplier, signature date, '
     || 'contracted value (initial, else final) and cleaned, case-folded object text under '
     || 'different contract numbers; flagged at or above the threshold (2 = one re-registration). '
     || 'Classified suppliers (code -11) are not compared.');
