#!/usr/bin/env bash
# Rebuilds data/sample/portal/ from a folder of Portal da Transparência "Compras" files.
# Maintainers only (the full files are not in this repository):
#   scripts/maintainer/slice-portal-sample.sh /path/to/portal_transparencia_compras
# Raw bytes are kept (ISO-8859-1, quoting, line endings). Per month: the first 700 data rows,
# every row with a value of R$ 1 billion or more, and repeated rows; minus every row that
# could carry a real person's CPF: 11-digit supplier codes (individuals), and any field with
# (values aside) a run of exactly 11 digits or a CPF written out (ddd.ddd.ddd-dd, "CPF ...").
# Written in Perl: mawk, Debian's default awk, ignores {n} intervals in regular expressions.
set -euo pipefail
src=${1:?usage: $0 PORTAL_FOLDER}
out=$(cd "$(dirname "$0")/../.." && pwd)/data/sample/portal
mkdir -p "$out"
for month in 202101 202103 202105 202201 202205 202209; do
  perl -ne '
    if ($. == 1) { print; next }
    my $line = $_;
    (my $inner = $line) =~ s/^"|"\r?\n$//g;
    my @f = split /";"/, $inner, -1;
    next if $f[15] =~ /^\d{11}$/;
    my $text = join ";", @f[0 .. 16, 19 .. $#f];
    next if $text =~ /(?<!\d)\d{11}(?!\d)|\d{3}[. ]\d{3}[. ]\d{3}|CPF\W*\d/;
    my ($initial) = $f[17] =~ /^(-?\d+)/;
    my ($final) = $f[18] =~ /^(-?\d+)/;
    my $big = length($initial // "") >= 10 || length($final // "") >= 10;
    my $repeat = $seen{$line}++;
    print if $. <= 701 || $big || $repeat;
  ' "$src/${month}_Compras.csv" > "$out/${month}_Compras.csv"
done
wc -l "$out"/*.csv
