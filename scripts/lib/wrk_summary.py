#!/usr/bin/env python3
"""Summarises wrk --latency outputs (files, or the text itself with --text): requests per second
(summed over the outputs), p50 and p99 in ms (the worse output's), and non-2xx responses (summed),
printed as "rps p50 p99 non2xx"."""
import math
import re
import sys


def parse(text):
    def ms(label):
        m = re.search(r"^\s*" + label + r"%\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
        if not m:
            return math.nan
        v, unit = float(m.group(1)), m.group(2)
        return v / 1000 if unit == "us" else v * 1000 if unit == "s" else v
    rps = re.search(r"Requests/sec:\s+([\d.]+)", text)
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    return float(rps.group(1)) if rps else math.nan, ms("50"), ms("99"), int(bad.group(1)) if bad else 0


args = sys.argv[1:]
texts = args[1:] if args[:1] == ["--text"] else [open(p).read() for p in args]
runs = [parse(t) for t in texts]
print(f"{sum(r[0] for r in runs):.0f} {max(r[1] for r in runs):.2f} {max(r[2] for r in runs):.2f} {sum(r[3] for r in runs)}")
