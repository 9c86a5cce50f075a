#!/usr/bin/env python3
"""Times commands by alternating them run after run, so a noisy machine affects each alike;
prints each command's median wall time in ms, one per line.

usage: bench_timer.py [--runs N] -- CMD ARGS... [::: CMD ARGS...]...
Every `{i}` in the arguments is replaced by the run number, so each run can write a new value
(an unchanged file would let a tool skip its write and look faster than it is).
"""
import statistics
import subprocess
import sys
import time

args = sys.argv[1:]
runs = 11
if args[:1] == ["--runs"]:
    runs, args = int(args[1]), args[2:]
if args[:1] == ["--"]:
    args = args[1:]
commands, current = [], []
for a in args:
    if a == ":::":
        commands.append(current)
        current = []
    else:
        current.append(a)
commands.append(current)
times = [[] for _ in commands]
for i in range(runs + 1):  # the first round warms caches and is not counted
    for k, command in enumerate(commands):
        cmd = [a.replace("{i}", str(i)) for a in command]
        start = time.perf_counter()
        done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        elapsed = (time.perf_counter() - start) * 1000
        if done.returncode not in (0, 1):
            sys.exit(f"bench_timer: {' '.join(cmd)} failed ({done.returncode}): {done.stderr.decode()[-400:]}")
        if i > 0:
            times[k].append(elapsed)
for t in times:
    print(f"{statistics.median(t):.2f}")
