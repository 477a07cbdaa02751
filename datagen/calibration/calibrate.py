#!/usr/bin/env python3
"""Measures the figures datagen's Calibration class is built from, on Portal "Compras" files.

    python3 datagen/calibration/calibrate.py REAL_DIR [GENERATED_DIR]

Reads every AAAAMM_Compras.csv of each folder (Latin-1, ';', quoted) and prints one column per
folder, so real and generated figures sit side by side. Standard library only. Run by hand: the
real files are not part of the project (see datagen/README.md, "Calibration").
"""
import collections
import csv
import glob
import math
import os
import statistics
import sys
from datetime import date

QUANTILES = [0.01, 0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95, 0.99]


def read(folder):
    rows = []
    for path in sorted(glob.glob(os.path.join(folder, '*_Compras.csv'))):
        with open(path, encoding='latin-1', newline='') as f:
            reader = csv.reader(f, delimiter=';', quotechar='"')
            next(reader)
            rows.extend(reader)
    return rows


def money(text):
    try:
        return float(text.replace(',', '.'))
    except ValueError:
        return None


def day(text):
    if len(text) != 10:
        return None
    return date(int(text[6:]), int(text[3:5]), int(text[:2]))


def quantiles(values, ps=QUANTILES):
    values = sorted(values)
    if not values:
        return []
    return [values[min(len(values) - 1, int(p * len(values)))] for p in ps]


def measure(rows):
    out = collections.OrderedDict()
    n = len(rows)
    out['rows'] = n
    by_modality = collections.defaultdict(list)
    zeros = collections.Counter()
    counts = collections.Counter()
    for r in rows:
        counts[r[3]] += 1
        v = money(r[17])
        if v == 0:
            zeros[r[3]] += 1
        elif v is not None and v > 0:
            by_modality[r[3]].append(math.log(v))
    for m, c in counts.most_common():
        ln = by_modality[m]
        out[f'{m}: share'] = c / n
        out[f'{m}: zero share'] = zeros[m] / c
        if len(ln) > 1:
            med = statistics.median(ln)
            out[f'{m}: ln quantiles 1..99%'] = ' '.join(f'{q:.2f}' for q in quantiles(ln))
            out[f'{m}: ln MAD'] = statistics.median(abs(x - med) for x in ln)
    ratios = collections.Counter()
    positive = 0
    for r in rows:
        a, b = money(r[17]), money(r[18])
        if not a or a <= 0 or b is None:
            continue
        positive += 1
        x = b / a
        key = ('equal' if abs(x - 1) < 1e-9 else 'below' if x < 1 else 'up to 1.25'
               if x <= 1.25 else 'up to 1.5' if x <= 1.5 else 'above 1.5')
        ratios[key] += 1
    for k in ['equal', 'below', 'up to 1.25', 'up to 1.5', 'above 1.5']:
        out[f'final/initial {k}'] = ratios[k] / max(1, positive)
    values = [money(r[17]) for r in rows if money(r[17])]
    out['values multiple of R$ 1,000'] = sum(v % 1000 == 0 for v in values) / len(values)
    out['values multiple of R$ 100'] = sum(v % 100 == 0 for v in values) / len(values)
    out['values in whole reais'] = sum(v == int(v) for v in values) / len(values)
    lags = [(day(r[12]) - day(r[11])).days for r in rows if day(r[12]) and day(r[11])]
    out['days publication - signature 1,10,25,50,75,90,95,99%'] = ' '.join(
        str(x) for x in quantiles(lags, [0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99]))
    durations = collections.Counter(
        (day(r[14]) - day(r[13])).days for r in rows if day(r[13]) and day(r[14]))
    out['most common validity lengths (days: share)'] = ' '.join(
        f'{d}:{c / n:.3f}' for d, c in durations.most_common(6))
    per_unit = collections.Counter(r[9] for r in rows)
    out['buyer units'] = len(per_unit)
    months = len({r[12][3:] for r in rows})
    out['contracts per unit per month'] = n / len(per_unit) / max(1, months)
    out['contracts per unit 10,25,50,75,90,95,99%'] = ' '.join(
        str(x) for x in quantiles(list(per_unit.values()), [0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99]))
    suppliers_of_unit = collections.defaultdict(collections.Counter)
    units_of_supplier = collections.defaultdict(set)
    for r in rows:
        suppliers_of_unit[r[9]][r[15]] += 1
        units_of_supplier[r[15]].add(r[9])
    big = [u for u in per_unit if per_unit[u] >= 50]
    out['units with 50+ contracts'] = len(big)
    if big:
        out['  distinct suppliers / contracts 10,50,90%'] = ' '.join(
            f'{x:.2f}' for x in quantiles([len(suppliers_of_unit[u]) / per_unit[u] for u in big],
                                          [0.1, 0.5, 0.9]))
        out['  top supplier share 50,90,99%'] = ' '.join(
            f'{x:.2f}' for x in quantiles(
                [max(suppliers_of_unit[u].values()) / per_unit[u] for u in big], [0.5, 0.9, 0.99]))
    out['suppliers per row'] = len(units_of_supplier) / n
    out['units per supplier 50,90,99,99.9%'] = ' '.join(
        str(x) for x in quantiles([len(s) for s in units_of_supplier.values()],
                                  [0.5, 0.9, 0.99, 0.999]))
    kinds = collections.Counter(
        'CPF' if len(r[15]) == 11 else 'CNPJ' if len(r[15]) == 14 else r[15] if r[15] == '-11'
        else 'other' for r in rows)
    for k in ['CNPJ', 'CPF', '-11', 'other']:
        out[f'supplier code {k}'] = kinds[k] / n
    published = collections.Counter(r[12][3:] for r in rows)
    by_month = collections.defaultdict(list)
    for ym, c in published.items():
        by_month[int(ym[:2])].append(c)
    mean = statistics.mean(c for cs in by_month.values() for c in cs)
    out['publication month volume / mean month (Jan..Dec)'] = ' '.join(
        f'{statistics.mean(by_month[m]) / mean:.2f}' if m in by_month else '-'
        for m in range(1, 13))
    out['"Objeto: " prefix'] = sum(r[1].startswith('Objeto: ') for r in rows) / n
    out['"Fundamento Legal" empty'] = sum(r[2] == '' for r in rows) / n
    out['"Situação Contrato" = "Não se aplica"'] = sum(r[4] == 'Não se aplica' for r in rows) / n
    return out


def show(value):
    if isinstance(value, float):
        return f'{value:.4f}'
    return str(value)


def main(folders):
    results = [measure(read(f)) for f in folders]
    keys = list(results[0])
    for r in results[1:]:
        keys += [k for k in r if k not in keys]
    width = max(len(k) for k in keys)
    print(' | '.join([' ' * width] + [os.path.basename(os.path.normpath(f)) for f in folders]))
    for k in keys:
        print(' | '.join([k.ljust(width)] + [show(r.get(k, '-')) for r in results]))


if __name__ == '__main__':
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
