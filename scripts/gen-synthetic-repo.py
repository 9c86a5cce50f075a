#!/usr/bin/env python3
"""Generates a synthetic mission repository for benchmarks: N listed docs of 2-20 KB with a
realistic mix of status blocks (valid, duplicated, malformed, inconsistent, fenced schema).

usage: gen-synthetic-repo.py DIR N [SEED]
"""
import os
import random
import sys

out, n = sys.argv[1], int(sys.argv[2])
rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 42)
os.makedirs(os.path.join(out, ".factory"), exist_ok=True)
os.makedirs(os.path.join(out, ".git"), exist_ok=True)

WORDS = ("timer workspace entry running stop start duration project task tag billable user "
         "report sync history current conflict reject persist schema migration handler").split()


def block(agent, status="complete", diff="none", todo="none", fully="yes", prefix="> "):
    return (f"{prefix}Mission status\n{prefix}Agent: {agent}\n{prefix}Status: {status}\n"
            f"{prefix}Current code differences: {diff}\n{prefix}Todo: {todo}\n{prefix}Fully implemented: {fully}\n")


def paragraph():
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(30, 90))) + ".\n"


def body(target):
    parts = []
    size = 0
    i = 0
    while size < target:
        i += 1
        kind = rng.random()
        if kind < 0.15:
            s = f"\n## Section {i}\n\n"
        elif kind < 0.25:
            s = "\n" + "".join(f"- {rng.choice(WORDS)} `{rng.choice(WORDS)}_{i}`\n" for _ in range(rng.randint(2, 6)))
        elif kind < 0.30:
            s = "\n```go\nfunc Test" + rng.choice(WORDS).title() + f"{i}(t *testing.T) {{\n\tt.Parallel()\n}}\n```\n"
        else:
            s = "\n" + paragraph()
        parts.append(s)
        size += len(s)
    return "".join(parts)


listed = []
for k in range(n):
    path = f"docs/area{k % 50:02d}/doc{k:05d}.md"
    listed.append(path)
    full = os.path.join(out, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    r = rng.random()
    agent = f"feature-{k % 200}"
    if r < 0.70:
        head = block(agent)
    elif r < 0.80:
        head = block(agent, "partial", "half done", "wire the API", "no")
    elif r < 0.87:
        head = block(agent) + "\n" + block(agent + "-again")  # duplicate block
    elif r < 0.92:
        head = block(agent).replace("> Todo: none\n", "")  # malformed: missing field
    elif r < 0.96:
        head = block(agent, "partial")  # inconsistent: yes while partial
    else:
        head = "```md\n" + block("<agent>") + "```\n"  # schema only: missing block
    text = f"# Doc {k}\n\n{head}\n" + body(rng.randint(2_000, 20_000))
    with open(full, "w") as f:
        f.write(text)

with open(os.path.join(out, ".factory/AGENTS.md"), "w") as f:
    f.write("# Synthetic mission\n\n## Source docs (closed set)\n\n")
    f.writelines(f"- `{p}`\n" for p in listed)
with open(os.path.join(out, ".factory/mission.md"), "w") as f:
    f.write("# Synthetic\n\nEvery listed doc carries a Mission status block.\n")
