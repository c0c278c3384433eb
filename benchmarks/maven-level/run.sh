#!/usr/bin/env bash
# The cost a Maven user feels: wall time and peak memory (max RSS) of `mvn generate-sources` in a fresh
# Maven JVM, for three otherwise identical projects: no generator (baseline), our plugin over the
# bundled snapshot, jsonschema2pojo-maven-plugin 1.2.2 over the same schemas; each from a clean
# target/ (full), again with target/ kept (unchanged), and for ours after editing one model file of a
# copy of the snapshot (one-model). Runs alternate; prints medians of wall time, process CPU
# (user + system, which waiting for a busy core does not inflate) and max RSS, what each plugin adds
# over the baseline, and the ratios. Ours runs three ways: with the goal's default (the generation in a
# forked JVM, which maps its classes from the class data archive the warm-up stored), with
# -Dworkers-ai.classDataSharing=false (forked, no archive) and with -Dworkers-ai.fork=false (in Maven's
# JVM), in alternating order; and once per run with an empty archive folder (full-ours-store: the
# one-time cost of storing the archive, the first generation after a plugin or JDK change). Memory is the
# peak of the summed RSS of the build's process tree (tree-rss.py: Maven and the forked JVM run at
# once) next to GNU time's max RSS (the largest single process). See docs/performance.md.
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
OUTER=${OUTER_REPOSITORY:-$HOME/.m2/repository}   # the local repository the outer build uses
VERSION=$(sed -n 's:.*<version>\(.*-SNAPSHOT\)</version>.*:\1:p' "$ROOT/pom.xml" | head -1)
[ -d "$REPO/dev/workersai/workers-ai-maven-plugin/$VERSION" ] || { echo "no plugin $VERSION in $REPO: run the mvn verify line above first" >&2; exit 2; }

rm -rf "$WORK" && mkdir -p "$WORK"
sed "s:@outerLocalRepository@:$OUTER:g" "$ROOT/maven-plugin/src/it/settings.xml" > "$WORK/settings.xml"
python3 "$HERE/extract-schemas.py" "$ROOT/model-schemas" "$WORK/j2p/schemas"
# one snapshot copy per edited project: each must see the edit itself
for e in edited edited-nocds edited-nofork; do cp -r "$ROOT/model-schemas" "$WORK/snapshot-$e"; done
MODEL=models/bart-large-cnn.json
cp "$ROOT/model-schemas/$MODEL" "$WORK/original.json"
sed 's/"input_text": {/"min_length": {"type": "integer"}, "input_text": {/' "$WORK/original.json" > "$WORK/edited.json"
PROJECTS="baseline ours ours-nocds ours-nofork j2p edited edited-nocds edited-nofork"
CDS=$REPO/.cache/workers-ai-maven-plugin/cds   # the plugin's default archive folder, in the repository the builds use
for p in $PROJECTS; do
  mkdir -p "$WORK/$p"
  snapshot=$ROOT/model-schemas; [ "${p#edited}" != "$p" ] && snapshot=$WORK/snapshot-$p
  base=${p%-nofork}; base=${base%-nocds}
  sed -e "s:@VERSION@:$VERSION:g" -e "s:@SNAPSHOT@:$snapshot:g" -e "s:@NAME@:$p:g" "$HERE/pom-${base/edited/ours}.xml" > "$WORK/$p/pom.xml"
done
variant_flag() {
  case $1 in
    *-nofork) echo "-Dworkers-ai.fork=false" ;;
    *-nocds) echo "-Dworkers-ai.classDataSharing=false" ;;
  esac
}

mvn_run() { # project, label -> appends "label wall_s user_s sys_s maxrss_kb tree_rss_kb" to results
  local dir=$WORK/$1
  "$HERE/tree-rss.py" "$WORK/tree-rss.txt" /usr/bin/time -f "%e %U %S %M" -o "$WORK/time.txt" mvn -B -o \
      -s "$WORK/settings.xml" -Dmaven.repo.local="$REPO" $(variant_flag "$1") -f "$dir/pom.xml" generate-sources \
      > "$WORK/$2.log" 2>&1 || { cat "$WORK/$2.log"; exit 1; }
  echo "$2 $(cat "$WORK/time.txt") $(cat "$WORK/tree-rss.txt")" >> "$WORK/results.txt"
}

# Warm-up: resolves every plugin into the IT repository (not offline) and fills the OS file cache.
for p in $PROJECTS; do
  mvn -B -q -s "$WORK/settings.xml" -Dmaven.repo.local="$REPO" $(variant_flag "$p") -f "$WORK/$p/pom.xml" generate-sources \
    > "$WORK/warmup-$p.log" 2>&1 \
    || { cat "$WORK/warmup-$p.log"; exit 1; }
done
echo "jsonschema2pojo wrote $(find "$WORK/j2p/target/generated-sources" -name '*.java' | wc -l) files;" \
  "ours $(find "$WORK/ours/target/generated-sources" -name '*.java' | wc -l)"

: > "$WORK/results.txt"; : > "$WORK/rendered.txt"
for i in $(seq "$RUNS"); do
  # the variants of ours alternate their order
  ours="ours ours-nocds ours-nofork"; [ $((i % 2)) = 0 ] && ours="ours-nofork ours-nocds ours"
  for p in baseline $ours j2p; do
    rm -rf "$WORK/$p/target"
    mvn_run "$p" "full-$p"
  done
  # The first generation with no archive stored: it stores one (the next runs of ours map it).
  rm -rf "$WORK/ours/target" "$CDS"
  mvn_run ours full-ours-store
  # An unchanged rebuild: target/ kept (ours: the up-to-date check; jsonschema2pojo regenerates).
  for p in baseline ours j2p; do
    mvn_run "$p" "unchanged-$p"
  done
  # One model file edited (alternately adding and removing an input property): ours renders one file.
  for p in ${ours//ours/edited}; do
    if [ $((i % 2)) = 1 ]; then cp "$WORK/edited.json" "$WORK/snapshot-$p/$MODEL"; else cp "$WORK/original.json" "$WORK/snapshot-$p/$MODEL"; fi
    label=one-model-${p/edited/ours}
    mvn_run "$p" "$label"
    # One file written; the models whose render keys also moved (through the shared name plan) are rendered too.
    grep -Eq "\(1 written, [0-9]+ unchanged, 0 deleted; [0-9]+ rendered" "$WORK/$label.log" \
      || { cat "$WORK/$label.log"; echo "expected 1 written" >&2; exit 1; }
    grep -Eo "[0-9]+ rendered" "$WORK/$label.log" >> "$WORK/rendered.txt"
  done
done

python3 - "$WORK/results.txt" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    label, wall, user, system, rss, tree = line.split()
    rows.setdefault(label, []).append((float(wall), float(user) + float(system), int(rss) / 1024, int(tree) / 1024))
med = {k: tuple(statistics.median(r[i] for r in v) for i in range(4)) for k, v in rows.items()}
print(f"{'case':<26} {'wall s':>7} {'CPU s':>6} {'max RSS MiB':>12} {'tree RSS MiB':>13}   wall per run (s)")
for k in sorted(med):
    wall, cpu, rss, tree = med[k]
    print(f"{k:<26} {wall:7.2f} {cpu:6.2f} {rss:12.0f} {tree:13.0f}   {' '.join(f'{r[0]:.2f}' for r in rows[k])}")
for kind, variant in (("full", "ours"), ("full", "ours-nocds"), ("full", "ours-store"), ("full", "ours-nofork"),
                      ("unchanged", "ours"), ("one-model", "ours"), ("one-model", "ours-nocds"),
                      ("one-model", "ours-nofork")):
    base = med[f"{'full' if kind == 'one-model' else kind}-baseline"]
    ours = med[f"{kind}-{variant}"]
    line = f"{kind} {variant}: adds {ours[0] - base[0]:.2f} s wall, {ours[1] - base[1]:.2f} s CPU"
    j2p = med[f"{'full' if kind == 'one-model' else kind}-j2p"]
    line += (f"; jsonschema2pojo{' (full)' if kind == 'one-model' else ''} adds {j2p[0] - base[0]:.2f} s wall,"
             f" {j2p[1] - base[1]:.2f} s CPU; ratio wall {(ours[0] - base[0]) / (j2p[0] - base[0]):.2f},"
             f" CPU {(ours[1] - base[1]) / (j2p[1] - base[1]):.2f}; peak tree RSS {ours[3]:.0f} MiB"
             f" (jsonschema2pojo {j2p[3]:.0f}, baseline {base[3]:.0f})")
    print(line)
# Paired within each round (runs minutes apart see different neighbours; runs seconds apart mostly the same):
# ours minus jsonschema2pojo, which needs no baseline; the one figure that says which adds less.
for kind, variant in (("full", "ours"), ("full", "ours-nocds"), ("full", "ours-nofork"), ("one-model", "ours")):
    pairs = list(zip(rows[f"{kind}-{variant}"], rows["full-j2p"]))
    walls = [o[0] - j[0] for o, j in pairs]
    cpus = [o[1] - j[1] for o, j in pairs]
    print(f"paired, {kind} {variant} minus jsonschema2pojo (full), per round: median {statistics.median(walls):+.2f} s wall,"
          f" {statistics.median(cpus):+.2f} s CPU; ours took less wall time in {sum(w < 0 for w in walls)} of {len(walls)} rounds")
PY
echo "one-model, files rendered per run: $(cut -d" " -f1 "$WORK/rendered.txt" | tr "\n" " ")"
