#!/usr/bin/env bash
# Summarises a JFR recording's CPU samples: the hottest methods (self) and where the time goes by component
# (inclusive: a sample counts for a component when any frame of its stack belongs to it).
# Usage: bench/lib/jfr-summary.sh recording.jfr [top-n]
set -euo pipefail
file=$1; top=${2:-12}
# One line per sample for its top frame (S) and one per component on its stack (C); ranked below.
jfr print --stack-depth 96 --events jdk.ExecutionSample "$file" | awk '
  function component(f) {
    if (f ~ /^io\.workflowversions\.security/) return "service: authentication (security)";
    if (f ~ /^io\.workflowversions\.store/) return "service: version store";
    if (f ~ /^io\.workflowversions\.dialect/) return "service: dialect resources and mapping";
    if (f ~ /^io\.workflowversions\.http/) return "service: error framework and guards";
    if (f ~ /^io\.vertx\.pgclient|^io\.vertx\.sqlclient/) return "PostgreSQL client (Vert.x)";
    if (f ~ /^org\.hibernate/) return "Hibernate Reactive / ORM";
    if (f ~ /^com\.fasterxml\.jackson/) return "Jackson JSON";
    if (f ~ /^org\.jboss\.resteasy\.reactive|^io\.quarkus\.resteasy/) return "REST layer (RESTEasy Reactive)";
    if (f ~ /^io\.smallrye\.jwt|^org\.jose4j|^io\.jsonwebtoken|^sun\.security|^java\.security|^javax\.crypto|^com\.sun\.crypto/) return "JWT and crypto";
    if (f ~ /^io\.netty/) return "Netty (network I/O)";
    if (f ~ /^java\.util\.regex/) return "regular expressions";
    return "";
  }
  /^jdk\.ExecutionSample/ { n++; first = 1; split("", seen); next }
  /stackTrace = \[/ { inst = 1; next }
  inst && /^[ \t]*\]/ { inst = 0; next }
  inst {
    f = $1; sub(/\(.*/, "", f);
    if (first) { print "S\t" f; first = 0 }
    c = component(f);
    if (c != "" && !(c in seen)) { seen[c] = 1; print "C\t" c }
  }
  END { print "N\t" n }' > "$file.raw"
n=$(awk -F'\t' '$1=="N"{print $2}' "$file.raw")
echo "$n CPU samples (JFR, profile settings)."
echo
echo "| component (inclusive) | share of samples |"
echo "|---|---|"
awk -F'\t' '$1=="C"{c[$2]++} END {for (k in c) print c[k] "\t" k}' "$file.raw" | sort -nr |
  awk -F'\t' -v n="$n" '{printf "| %s | %.0f%% |\n", $2, 100 * $1 / n}'
echo
echo "| hottest methods (self) | share of samples |"
echo "|---|---|"
awk -F'\t' '$1=="S"{c[$2]++} END {for (k in c) print c[k] "\t" k}' "$file.raw" | sort -nr | awk -v top="$top" 'NR <= top' |
  awk -F'\t' -v n="$n" '{printf "| `%s` | %.1f%% |\n", $2, 100 * $1 / n}'
rm -f "$file.raw"
