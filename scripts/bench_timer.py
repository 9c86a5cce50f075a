#!/usr/bin/env python3
"""Prints the median wall time in ms of a command over several runs.

usage: bench_timer.py [--runs N] -- CMD ARGS...
Every `{i}` in the arguments is replaced by the run number, so each run can write a new value
(an unchanged file would let a tool skip its write and look faster than it is).
"""
import statistics
import subprocess
import sys
import time

args = sys.argv[1:]
runs = 7
if args[:1] == ["--runs"]:
    runs, args = int(args[1]), args[2:]
if args[:1] == ["--"]:
    args = args[1:]
times = []
for i in range(runs):
    cmd = [a.replace("{i}", str(i)) for a in args]
    start = time.perf_counter()
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    times.append((time.perf_counter() - start) * 1000)
    if done.returncode not in (0, 1):
        sys.exit(f"bench_timer: {' '.join(cmd)} failed ({done.returncode}): {done.stderr.decode()[-400:]}")
print(f"{statistics.median(times):.1f}")
