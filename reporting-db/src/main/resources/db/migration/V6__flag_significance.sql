-- Sentinela reporting schema, version 6: each flag's statistical significance. p_value is the
-- probability, under the detector's null model, of evidence at least as strong as this flag's;
-- q_value is its Benjamini-Hochberg false-discovery-rate adjusted value across all of the night's
-- flags. Both lie in [0, 1]. Runs published before this version have neither (null).

alter table anomalies
    add column p_value double precision check (p_value between 0 and 1),
    add column q_value double precision check (q_value between 0 and 1);

-- current_anomalies lists a.*, which PostgreSQL expanded when the view was made: recreate it so
-- it shows the new columns.
drop view current_anomalies;

create view current_anomalies as
select a.*, h.first_seen_at, h.last_seen_at
from anomalies a
join latest_published_run r on r.run_id = a.run_id
join anomaly_history h on h.anomaly_id = a.anomaly_id;

comment on view current_anomalies is
    'The flags of the latest published run, with first and last seen times. supplier_id is unmasked: for the pipeline and trusted analysts only.';

create index anomalies_run_q_value on anomalies (run_id, q_value, anomaly_id);

select sentinela_grant_privileges();
