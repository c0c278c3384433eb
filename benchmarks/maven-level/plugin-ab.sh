#!/usr/bin/env bash
# What Maven and the plugin cost before any generation: builds of the plugin (A, B, ..., each in the
# IT repository its own checkout filled) side by side, in a fresh Maven JVM each run, alternating:
#   baseline       the project with no plugin (Maven's own start-up)
#   trivial        a plugin of one goal that logs a line (trivial-plugin/): what Maven costs any plugin
#   skip-X         the plugin with -Dworkers-ai.skip=true: Maven resolving, loading and configuring it
#   unchanged-X    an unchanged rebuild: that, plus the plugin's up-to-date check
# Prints medians of wall time, process CPU (user + system), the CPU time of Maven's main thread
# (where the mojo runs; MainThreadCpu.java, an agent: not inflated by waiting for a core), the build's
# span in Maven's own log (from "Scanning for projects" to "BUILD SUCCESS": no JVM start, no Maven
# boot) and the classes loaded, what each case adds over the baseline, and what the check costs
# (unchanged minus skipped, paired).
# See docs/performance.md, rounds 4 to 6.
#
# Run from the repository root, after each checkout ran
#   mvn -B -o verify -pl maven-plugin -am -Dinvoker.test=incremental-noop-and-removal \
#       -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
#   benchmarks/maven-level/plugin-ab.sh ROUNDS A_REPO [B_REPO ...]
# e.g. A_REPO=/tmp/main/maven-plugin/target/local-repo B_REPO=maven-plugin/target/local-repo;
# REPO@VERSION runs that version of the plugin (default: the version of ./pom.xml); when REPO
# holds only the SNAPSHOT, a copy of REPO gets the SNAPSHOT's jar and POM installed as VERSION:
# what a user's build of a release runs (for a release the fingerprint is the version alone).
set -euo pipefail
ROUNDS=$1; shift
LABELS=(A B C D E F G H)
LABELS=("${LABELS[@]:0:$#}")
declare -A REPO PLUGIN_VERSION
for x in "${LABELS[@]}"; do REPO[$x]=$(realpath "${1%@*}"); PLUGIN_VERSION[$x]=${1#*@}; shift; done
ROOT=$(pwd)
HERE=$ROOT/benchmarks/maven-level
WORK=$ROOT/benchmarks/target/plugin-ab
OUTER=${OUTER_REPOSITORY:-$HOME/.m2/repository}
VERSION=$(sed -n 's:.*<version>\(.*-SNAPSHOT\)</version>.*:\1:p' "$ROOT/pom.xml" | head -1)

rm -rf "$WORK" && mkdir -p "$WORK"
sed "s:@outerLocalRepository@:$OUTER:g" "$ROOT/maven-plugin/src/it/settings.xml" > "$WORK/settings.xml"
project() { # folder, pom template, plugin version
  mkdir -p "$WORK/$1"
  sed -e "s:@VERSION@:${3:-$VERSION}:g" -e "s:@SNAPSHOT@:$ROOT/model-schemas:g" -e "s:@NAME@:$1:g" "$HERE/pom-$2.xml" > "$WORK/$1/pom.xml"
}
project baseline baseline; project trivial trivial
release_copy() { # label: REPO[label] holds only the SNAPSHOT; install it as PLUGIN_VERSION[label] in a copy
  local x=$1 v=${PLUGIN_VERSION[$1]} copy=$WORK/repo-$1
  local from=$copy/dev/workersai/workers-ai-maven-plugin/$VERSION/workers-ai-maven-plugin-$VERSION
  local to=$copy/dev/workersai/workers-ai-maven-plugin/$v/workers-ai-maven-plugin-$v
  cp -r "${REPO[$x]}" "$copy" && REPO[$x]=$copy
  mkdir -p "$(dirname "$to")" "$WORK/descriptor-$x"
  cp "$from.jar" "$to.jar"
  sed "s:<version>$VERSION</version>:<version>$v</version>:" "$from.pom" > "$to.pom"
  (cd "$WORK/descriptor-$x" && unzip -q "$to.jar" META-INF/maven/plugin.xml \
      && sed -i "s:<version>$VERSION</version>:<version>$v</version>:" META-INF/maven/plugin.xml \
      && jar uf "$to.jar" META-INF/maven/plugin.xml)
}
for x in "${LABELS[@]}"; do
  [[ ${PLUGIN_VERSION[$x]} == */* ]] && PLUGIN_VERSION[$x]=$VERSION   # no @VERSION given
  [[ -d ${REPO[$x]}/dev/workersai/workers-ai-maven-plugin/${PLUGIN_VERSION[$x]} ]] || release_copy "$x"
  project "ours-$x" ours "${PLUGIN_VERSION[$x]}"
done
javac -d "$WORK/agent" "$HERE/MainThreadCpu.java"
printf 'Premain-Class: MainThreadCpu\n' > "$WORK/agent.mf"
jar cfm "$WORK/agent.jar" "$WORK/agent.mf" -C "$WORK/agent" .

# The trivial plugin, built with javac against the API jars of the Maven that runs it and installed by
# hand (POM and jar, as the flattened POM of ours) in a local repository of its own.
MAVEN_LIB=$(dirname "$(readlink -f "$(command -v mvn)")")/../lib
TRIVIAL=$HERE/trivial-plugin
TRIVIAL_REPO=$WORK/trivial-repo
TRIVIAL_DIR=$TRIVIAL_REPO/bench/trivial-maven-plugin/1.0
javac -d "$WORK/trivial-classes/classes" -cp "$MAVEN_LIB/*" "$TRIVIAL/TrivialMojo.java"
mkdir -p "$WORK/trivial-classes/classes/META-INF/maven" "$TRIVIAL_DIR"
cp "$TRIVIAL/plugin.xml" "$WORK/trivial-classes/classes/META-INF/maven/"
jar cf "$TRIVIAL_DIR/trivial-maven-plugin-1.0.jar" -C "$WORK/trivial-classes/classes" .
cp "$TRIVIAL/pom.xml" "$TRIVIAL_DIR/trivial-maven-plugin-1.0.pom"

mvn_run() { # label, project, repository, extra arguments...
  local label=$1 dir=$WORK/$2 repo=$3; shift 3
  rm -f "$WORK/main.txt"
  MAVEN_OPTS="${MAVEN_OPTS:-} -javaagent:$WORK/agent.jar=$WORK/main.txt" \
  /usr/bin/time -f "%e %U %S" -o "$WORK/time.txt" mvn -B -o -s "$WORK/settings.xml" -Dmaven.repo.local="$repo" \
      -Dorg.slf4j.simpleLogger.showDateTime=true -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS \
      -f "$dir/pom.xml" "$@" generate-sources > "$WORK/$label.log" 2>&1 || { cat "$WORK/$label.log"; exit 1; }
  local span
  span=$(python3 -c 'import re, sys
def ms(line):
    h, m, s, f = re.search(r"(\d\d):(\d\d):(\d\d)\.(\d\d\d)", line).groups()
    return ((int(h) * 60 + int(m)) * 60 + int(s)) * 1000 + int(f)
lines = open(sys.argv[1]).read().splitlines()
first = next(l for l in lines if "Scanning for projects" in l)
last = next(l for l in lines if "BUILD SUCCESS" in l)
print(round(ms(last) - ms(first)))' "$WORK/$label.log")
  echo "$label $(cat "$WORK/time.txt") $(cat "$WORK/main.txt") $span" >> "$WORK/results.txt"
}

# Warm-up: the first run generates (and resolves the baseline's plugins), the second must be up to date.
for x in "${LABELS[@]}"; do
  mvn_run "warm-$x" "ours-$x" "${REPO[$x]}"
  mvn_run "warm2-$x" "ours-$x" "${REPO[$x]}"
  grep -q "are up to date" "$WORK/warm2-$x.log" || { cat "$WORK/warm2-$x.log"; echo "$x: not up to date" >&2; exit 1; }
done
mvn_run warm-baseline baseline "${REPO[A]}"
# Maven 3.8 adds plexus-utils 1.1 to a plugin that does not depend on it, ours too; online once
# (the settings mirror every repository to the outer local one) to resolve it there.
mvn -B -q -s "$WORK/settings.xml" -Dmaven.repo.local="$TRIVIAL_REPO" -f "$WORK/trivial/pom.xml" generate-sources > /dev/null
mvn_run warm-trivial trivial "$TRIVIAL_REPO"
grep -q "Trivial goal ran" "$WORK/warm-trivial.log" || { cat "$WORK/warm-trivial.log"; exit 1; }

: > "$WORK/results.txt"
for i in $(seq "$ROUNDS"); do
  mvn_run baseline baseline "${REPO[A]}"
  mvn_run trivial trivial "$TRIVIAL_REPO"
  for x in "${LABELS[@]}"; do
    mvn_run "skip-$x" "ours-$x" "${REPO[$x]}" -Dworkers-ai.skip=true
    mvn_run "unchanged-$x" "ours-$x" "${REPO[$x]}"
    grep -q "are up to date" "$WORK/unchanged-$x.log" || { cat "$WORK/unchanged-$x.log"; exit 1; }
  done
done

python3 - "$WORK/results.txt" "${LABELS[@]}" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    label, wall, user, system, main, classes, span = line.split()
    rows.setdefault(label, []).append((float(wall), float(user) + float(system), float(main) / 1000, float(span) / 1000, int(classes)))
med = statistics.median
base = rows["baseline"]
# "paired": the median over rounds of (case - baseline of the same round), steadier when the load drifts.
print(f"{'case':<12} {'wall s':>7} {'adds':>6} {'paired':>6} {'CPU s':>6} {'paired':>6}"
      f" {'main s':>6} {'paired':>6} {'span s':>6} {'paired':>6} {'classes':>7}   wall per run (s)")
for k, v in rows.items():
    w, c, m, s, n = (med(r[i] for r in v) for i in range(5))
    pw, pc, pm, ps = (med(r[i] - b[i] for r, b in zip(v, base)) for i in range(4))
    print(f"{k:<12} {w:7.2f} {w - med(b[0] for b in base):6.2f} {pw:6.2f} {c:6.2f} {pc:6.2f}"
          f" {m:6.3f} {pm:6.3f} {s:6.3f} {ps:6.3f} {n:7.0f}   {' '.join(f'{r[0]:.2f}' for r in v)}")
for x in sys.argv[2:]:
    check = [[u[i] - s[i] for u, s in zip(rows[f"unchanged-{x}"], rows[f"skip-{x}"])] for i in (2, 3)]
    print(f"check {x}: unchanged rebuild minus the skipped goal, paired medians: main-thread CPU {med(check[0]):.3f} s,"
          f" span {med(check[1]):.3f} s")
PY
