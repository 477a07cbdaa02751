-- Sentinela reporting schema, version 1: nightly runs, their per-file accounting, and the
-- versioned detector thresholds. See docs/reporting.md.

create table runs (
    run_id              text primary key,
    started_at          timestamptz not null,
    finished_at         timestamptz,
    status              text not null
        check (status in ('RUNNING', 'SUCCEEDED', 'FAILED')),
    input_dir           text,
    records_read        bigint,
    records_accepted    bigint,
    records_quarantined bigint,
    records_duplicate   bigint,
    contracts_analysed  bigint,
    anomalies           bigint,
    published_at        timestamptz,
    error               text,
    metrics             jsonb not null default '{}'::jsonb
);

comment on table runs is 'One row per nightly run; published_at is set in the transaction that publishes its results.';

-- Accounting per input file: read = accepted + quarantined + duplicate.
create table run_files (
    run_id          text not null references runs (run_id) on delete cascade,
    file_name       text not null,
    source          text not null,
    file_sha256     text,
    file_bytes      bigint,
    records_read        bigint not null default 0,
    records_accepted    bigint not null default 0,
    records_quarantined bigint not null default 0,
    records_duplicate   bigint not null default 0,
    status          text not null check (status in ('INGESTED', 'UNCHANGED', 'FAILED', 'IGNORED')),
    error           text,
    primary key (run_id, file_name),
    check (status <> 'INGESTED'
           or records_read = records_accepted + records_quarantined + records_duplicate)
);

-- Quarantine reasons counted per run and file (the records themselves are in the lake).
create table run_quarantine_reasons (
    run_id      text not null references runs (run_id) on delete cascade,
    file_name   text not null,
    reason      text not null,
    records     bigint not null,
    primary key (run_id, file_name, reason)
);

-- Thresholds the detectors read; a new version is a new row, never an update.
create table detector_thresholds (
    detector    text not null,
    version     integer not null,
    threshold   numeric not null,
    parameters  jsonb not null default '{}'::jsonb,
    created_at  timestamptz not null default now(),
    source      text not null,
    note        text,
    primary key (detector, version)
);

create view current_detector_thresholds as
select distinct on (detector) detector, version, threshold, parameters, created_at, source, note
from detector_thresholds
order by detector, version desc;

insert into detector_thresholds (detector, version, threshold, parameters, source, note) values
    ('VALUE_OUTLIER', 1, 3.5,
     '{"min_segment_size": 30, "min_mad": 0.05}'::jsonb,
     'seed',
     'Robust z of ln(value) against the segment median/MAD; 3.5 is the Iglewicz-Hoaglin cut-off. '
     || 'Segments with fewer than min_segment_size contracts fall back to a coarser level.');
