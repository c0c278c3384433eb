#!/usr/bin/env bash
# The cost a Maven user feels: wall time and peak memory (max RSS) of `mvn generate-sources` in a fresh
# Maven JVM, for three otherwise identical projects: no generator (baseline), our plugin over the
# bundled snapshot, jsonschema2pojo-maven-plugin 1.2.2 over the same schemas. Runs alternate; prints
# medians, the time each plugin adds over the baseline, and the ratio. See docs/performance.md.
#
# Run from the repository root, after the plugin and its modules were put in the IT repository:
#   mvn -B -o verify -pl maven-plugin -am -Dinvoker.test=incremental-noop-and-removal \
#       -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
#   benchmarks/maven-level/run.sh [runs]        # default 5 runs of each case
set -euo pipefail
RUNS=${1:-5}
ROOT=$(pwd)
HERE=$ROOT/benchmarks/maven-level
WORK=$ROOT/benchmarks/target/maven-level
REPO=$ROOT/maven-plugin/target/local-repo
OUTER=$(mvn -q -o help:evaluate -Dexpression=settings.localRepository -DforceStdout 2>/dev/null || echo "$HOME/.m2/repository")
VERSION=$(sed -n 's:.*<version>\(.*-SNAPSHOT\)</version>.*:\1:p' "$ROOT/pom.xml" | head -1)
[ -d "$REPO/dev/workersai/workers-ai-maven-plugin/$VERSION" ] || { echo "no plugin $VERSION in $REPO: run the mvn verify line above first" >&2; exit 2; }

rm -rf "$WORK" && mkdir -p "$WORK"
sed "s:@outerLocalRepository@:$OUTER:g" "$ROOT/maven-plugin/src/it/settings.xml" > "$WORK/settings.xml"
python3 "$HERE/extract-schemas.py" "$ROOT/model-schemas" "$WORK/j2p/schemas"
for p in baseline ours j2p; do
  mkdir -p "$WORK/$p"
  sed -e "s:@VERSION@:$VERSION:g" -e "s:@SNAPSHOT@:$ROOT/model-schemas:g" -e "s:@NAME@:$p:g" "$HERE/pom-$p.xml" > "$WORK/$p/pom.xml"
done

mvn_run() { # project, label -> appends "label seconds maxrss_kb" to results
  local dir=$WORK/$1
  /usr/bin/time -f "%e %M" -o "$WORK/time.txt" mvn -B -o -q -s "$WORK/settings.xml" -Dmaven.repo.local="$REPO" \
      -f "$dir/pom.xml" generate-sources > "$WORK/$2.log" 2>&1 || { cat "$WORK/$2.log"; exit 1; }
  echo "$2 $(cat "$WORK/time.txt")" >> "$WORK/results.txt"
}

# Warm-up: resolves every plugin into the IT repository (not offline) and fills the OS file cache.
for p in baseline ours j2p; do
  mvn -B -q -s "$WORK/settings.xml" -Dmaven.repo.local="$REPO" -f "$WORK/$p/pom.xml" generate-sources > "$WORK/warmup-$p.log" 2>&1 \
    || { cat "$WORK/warmup-$p.log"; exit 1; }
done
echo "jsonschema2pojo wrote $(find "$WORK/j2p/target/generated-sources" -name '*.java' | wc -l) files;" \
  "ours $(find "$WORK/ours/target/generated-sources" -name '*.java' | wc -l)"

: > "$WORK/results.txt"
for i in $(seq "$RUNS"); do
  for p in baseline ours j2p; do
    rm -rf "$WORK/$p/target"
    mvn_run "$p" "full-$p"
  done
  # An unchanged rebuild: target/ kept (ours: the up-to-date check; jsonschema2pojo regenerates).
  for p in baseline ours j2p; do
    mvn_run "$p" "unchanged-$p"
  done
done

python3 - "$WORK/results.txt" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    label, secs, rss = line.split()
    rows.setdefault(label, []).append((float(secs), int(rss) / 1024))
med = {k: (statistics.median(s for s, _ in v), statistics.median(r for _, r in v), [s for s, _ in v]) for k, v in rows.items()}
print(f"{'case':<20} {'median s':>9} {'max RSS MiB':>12}   runs (s)")
for k in sorted(med):
    s, r, runs = med[k]
    print(f"{k:<20} {s:9.2f} {r:12.0f}   {' '.join(f'{x:.2f}' for x in runs)}")
for kind in ("full", "unchanged"):
    base = med[f"{kind}-baseline"][0]
    ours, j2p = med[f"{kind}-ours"][0] - base, med[f"{kind}-j2p"][0] - base
    print(f"{kind}: ours adds {ours:.2f} s, jsonschema2pojo adds {j2p:.2f} s; ratio {ours / j2p if j2p > 0 else float('nan'):.2f};"
          f" max RSS ours {med[f'{kind}-ours'][1]:.0f} MiB, jsonschema2pojo {med[f'{kind}-j2p'][1]:.0f} MiB,"
          f" baseline {med[f'{kind}-baseline'][1]:.0f} MiB")
PY
