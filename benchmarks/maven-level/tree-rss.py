#!/usr/bin/env python3
"""Runs a command and writes the peak of the summed RSS of its process tree (KiB) to a file.

usage: tree-rss.py OUTFILE COMMAND...

GNU time's %M is the largest single process; a build that forks a JVM runs two at once, so this
samples VmRSS of every process under COMMAND every 10 ms and keeps the largest sum. New processes
are found by listing /proc each sample and reading the parent of pids not seen before (no
/proc/PID/task/TID/children on every kernel).
"""
import os, subprocess, sys, time

def parent(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return int(f.read().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return None

def rss_kib(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0

out, command = sys.argv[1], sys.argv[2:]
process = subprocess.Popen(command)
tree, seen, peak = {process.pid}, set(), 0
while process.poll() is None:
    for name in os.listdir("/proc"):
        if name.isdigit() and name not in seen:
            seen.add(name)
            if parent(int(name)) in tree:
                tree.add(int(name))
    peak = max(peak, sum(rss_kib(pid) for pid in tree))
    time.sleep(0.01)
with open(out, "w") as f:
    f.write(f"{peak}\n")
sys.exit(process.returncode)
