#!/usr/bin/env bash
# What Maven and the plugin cost before any generation: two builds of the plugin (A and B, each in the
# IT repository its own checkout filled) side by side, in a fresh Maven JVM each run, alternating:
#   baseline       the project with no plugin (Maven's own start-up)
#   skip-X         the plugin with -Dworkers-ai.skip=true: Maven resolving, loading and configuring it
#   unchanged-X    an unchanged rebuild: that, plus the plugin's up-to-date check
# Prints medians of wall time, process CPU (user + system) and the CPU time of Maven's main thread
# (where the mojo runs; MainThreadCpu.java, an agent: not inflated by waiting for a core), what
# each case adds over the baseline, and what the check costs (unchanged minus skipped, paired).
# See docs/performance.md, rounds 4 and 5.
#
# Run from the repository root, after each checkout ran
#   mvn -B -o verify -pl maven-plugin -am -Dinvoker.test=incremental-noop-and-removal \
#       -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
#   benchmarks/maven-level/plugin-ab.sh ROUNDS A_REPO B_REPO
# e.g. A_REPO=/tmp/main/maven-plugin/target/local-repo B_REPO=maven-plugin/target/local-repo
set -euo pipefail
ROUNDS=$1
declare -A REPO=([A]=$(realpath "$2") [B]=$(realpath "$3"))
ROOT=$(pwd)
HERE=$ROOT/benchmarks/maven-level
WORK=$ROOT/benchmarks/target/plugin-ab
OUTER=${OUTER_REPOSITORY:-$HOME/.m2/repository}
VERSION=$(sed -n 's:.*<version>\(.*-SNAPSHOT\)</version>.*:\1:p' "$ROOT/pom.xml" | head -1)

rm -rf "$WORK" && mkdir -p "$WORK"
sed "s:@outerLocalRepository@:$OUTER:g" "$ROOT/maven-plugin/src/it/settings.xml" > "$WORK/settings.xml"
project() { # folder, pom template
  mkdir -p "$WORK/$1"
  sed -e "s:@VERSION@:$VERSION:g" -e "s:@SNAPSHOT@:$ROOT/model-schemas:g" -e "s:@NAME@:$1:g" "$HERE/pom-$2.xml" > "$WORK/$1/pom.xml"
}
project baseline baseline; project ours-A ours; project ours-B ours
javac -d "$WORK/agent" "$HERE/MainThreadCpu.java"
printf 'Premain-Class: MainThreadCpu\n' > "$WORK/agent.mf"
jar cfm "$WORK/agent.jar" "$WORK/agent.mf" -C "$WORK/agent" .

mvn_run() { # label, project, repository, extra arguments...
  local label=$1 dir=$WORK/$2 repo=$3; shift 3
  rm -f "$WORK/main.txt"
  MAVEN_OPTS="${MAVEN_OPTS:-} -javaagent:$WORK/agent.jar=$WORK/main.txt" \
  /usr/bin/time -f "%e %U %S" -o "$WORK/time.txt" mvn -B -o -s "$WORK/settings.xml" -Dmaven.repo.local="$repo" \
      -f "$dir/pom.xml" "$@" generate-sources > "$WORK/$label.log" 2>&1 || { cat "$WORK/$label.log"; exit 1; }
  echo "$label $(cat "$WORK/time.txt") $(cut -d' ' -f1 "$WORK/main.txt")" >> "$WORK/results.txt"
}

# Warm-up: the first run generates (and resolves the baseline's plugins), the second must be up to date.
for x in A B; do
  mvn_run "warm-$x" "ours-$x" "${REPO[$x]}"
  mvn_run "warm2-$x" "ours-$x" "${REPO[$x]}"
  grep -q "are up to date" "$WORK/warm2-$x.log" || { cat "$WORK/warm2-$x.log"; echo "$x: not up to date" >&2; exit 1; }
done
mvn_run warm-baseline baseline "${REPO[A]}"

: > "$WORK/results.txt"
for i in $(seq "$ROUNDS"); do
  mvn_run baseline baseline "${REPO[A]}"
  for x in A B; do
    mvn_run "skip-$x" "ours-$x" "${REPO[$x]}" -Dworkers-ai.skip=true
    mvn_run "unchanged-$x" "ours-$x" "${REPO[$x]}"
    grep -q "are up to date" "$WORK/unchanged-$x.log" || { cat "$WORK/unchanged-$x.log"; exit 1; }
  done
done

python3 - "$WORK/results.txt" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    label, wall, user, system, main = line.split()
    rows.setdefault(label, []).append((float(wall), float(user) + float(system), float(main) / 1000))
med = statistics.median
base = rows["baseline"]
# "paired": the median over rounds of (case - baseline of the same round), steadier when the load drifts.
print(f"{'case':<12} {'wall s':>7} {'adds':>6} {'paired':>6} {'CPU s':>6} {'adds':>6} {'paired':>6}"
      f" {'main s':>6} {'paired':>6}   wall per run (s)")
for k, v in rows.items():
    w, c, m = (med(r[i] for r in v) for i in range(3))
    pw, pc, pm = (med(r[i] - b[i] for r, b in zip(v, base)) for i in range(3))
    print(f"{k:<12} {w:7.2f} {w - med(b[0] for b in base):6.2f} {pw:6.2f} {c:6.2f} {c - med(b[1] for b in base):6.2f} {pc:6.2f}"
          f" {m:6.3f} {pm:6.3f}   {' '.join(f'{r[0]:.2f}' for r in v)}")
for x in ("A", "B"):
    check = [u[2] - s[2] for u, s in zip(rows[f"unchanged-{x}"], rows[f"skip-{x}"])]
    print(f"check {x}: main-thread CPU of the unchanged rebuild minus the skipped goal, paired median {med(check):.3f} s")
PY
