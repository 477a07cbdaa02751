-- Sentinela reporting schema, version 2: what the analytics publishes per run. A run's rows are
-- loaded and runs.published_at set in one transaction, so readers of the current_* views see
-- the previous night or the new one, never half of one.

create table baselines (
    run_id          text not null references runs (run_id) on delete cascade,
    level           text not null,
    segment_key     text not null,
    buyer_uf        text,
    modality        text,
    superior_organ_code text,
    contracts       bigint not null,
    median_log_value double precision not null,
    mad_log_value   double precision not null,
    p01_log_value   double precision not null,
    p25_log_value   double precision not null,
    p75_log_value   double precision not null,
    p99_log_value   double precision not null,
    primary key (run_id, level, segment_key)
);

create table anomalies (
    run_id              text not null references runs (run_id) on delete cascade,
    anomaly_id          text not null,
    detector            text not null,
    natural_key         text not null,
    contract_number     text not null,
    superior_organ_code text,
    superior_organ_name text,
    organ_code          text,
    organ_name          text,
    unit_code           text not null,
    unit_name           text,
    buyer_uf            text not null,
    buyer_municipality_ibge text,
    supplier_id         text not null,
    supplier_kind       text not null,
    supplier_name       text,
    modality            text not null,
    object_text         text,
    signature_date      date not null,
    publication_date    date,
    initial_value       numeric(18, 4),
    final_value         numeric(18, 4),
    score               double precision not null,
    severity            text not null check (severity in ('LOW', 'MEDIUM', 'HIGH')),
    threshold           numeric not null,
    threshold_version   integer not null,
    evidence            jsonb not null,
    explanation         text not null,
    primary key (run_id, anomaly_id)
);

create index anomalies_run_score on anomalies (run_id, score desc, anomaly_id);

-- First and last run in which each anomaly (stable id: detector + contract) was published.
create table anomaly_history (
    anomaly_id      text primary key,
    first_seen_run  text not null,
    first_seen_at   timestamptz not null,
    last_seen_run   text not null,
    last_seen_at    timestamptz not null
);

create view latest_published_run as
select *
from runs
where published_at is not null
order by published_at desc, run_id desc
limit 1;

create view current_anomalies as
select a.*, h.first_seen_at, h.last_seen_at
from anomalies a
join latest_published_run r on r.run_id = a.run_id
join anomaly_history h on h.anomaly_id = a.anomaly_id;

create view current_baselines as
select b.*
from baselines b
join latest_published_run r on r.run_id = b.run_id;
