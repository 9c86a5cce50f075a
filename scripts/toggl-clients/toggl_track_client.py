"""toggl-track 0.6.0 (the `toggl-track` command and library), unchanged but for its base URL,
against missionctl's reference backend.

toggl-track writes Toggl's address into each request, so the child process wraps `requests.get`
to send `https://api.track.toggl.com/api/v9…` to the base URL instead, then runs the command as its
console script would. Each step is a command a user types; it passes when the command exits 0 and
its output (text, or JSON with `--format json`) is what the entries below give. Run by
scripts/test-toggl-clients with the base URL as the only argument, in toggl-track's own
virtualenv (it pins click and requests versions that togglCli cannot share).

toggl-track's model requires every entry to have a project (`project_id: int`), so an entry
without one fails its parsing, against Toggl as here; the entries below all have projects.
"""
import json
import os
import subprocess
import sys

from clientrun import Run, call, check, signup

base = sys.argv[1]
run = Run("toggl-track 0.6.0")
account = signup(base, "Track Test")
token, wid = account["api_token"], account["default_workspace_id"]


def post(path, body):
    return call(base, token, "POST", path, body)


site = post(f"/workspaces/{wid}/projects", {"name": "Site"})["id"]
ops = post(f"/workspaces/{wid}/projects", {"name": "Ops"})["id"]
entries = [
    ("Docs: write", site, "2026-11-02T09:00:00Z", 1800, ["writing"]),
    ("Docs: review", site, "2026-11-02T10:00:00Z", 600, ["review", "writing"]),
    ("Morning: triage", ops, "2026-11-02T08:00:00Z", 900, []),
]
ids = [
    post(f"/workspaces/{wid}/time_entries",
         {"description": d, "project_id": p, "start": s, "duration": n, "tags": t, "workspace_id": wid, "created_with": "toggl-track test"})["id"]
    for d, p, s, n, t in entries
]

entry = (
    "import sys, requests; real = requests.get; base = sys.argv[1]\n"
    "requests.get = lambda url, *a, **k: real(url.replace('https://api.track.toggl.com/api/v9', base), *a, **k)\n"
    "from toggl_track.cli import cli; cli(sys.argv[2:], prog_name='toggl-track')\n"
)
env = {**os.environ, "TOGGL_API_TOKEN": token, "TZ": "UTC", "COLUMNS": "200"}
window = ["--start-date", "2026-11-01T00:00:00", "--end-date", "2026-11-03T00:00:00"]


def toggl_track(*args):
    result = subprocess.run([sys.executable, "-c", entry, base, *args], capture_output=True, text=True, env=env, timeout=60)
    if result.returncode != 0 or "Traceback" in result.stderr:
        raise AssertionError(f"exit {result.returncode}: {(result.stdout + result.stderr).strip()[-400:]}")
    return result.stdout


def list_text():
    out = toggl_track("entries", "list", *window)
    check(all(d in out for d, *_ in entries) and "Total" in out and "0:55" in out, out)


def list_json():
    listed = json.loads(toggl_track("--format", "json", "entries", "list", *window))
    check(sorted(e["id"] for e in listed) == sorted(ids), f"ids: {listed}")
    by_id = {e["id"]: e for e in listed}
    check(by_id[ids[1]]["tags"] == ["review", "writing"] and by_id[ids[1]]["duration"] == 600, f"{by_id[ids[1]]}")
    check(by_id[ids[0]]["start"].startswith("2026-11-02T09:00:00"), f"{by_id[ids[0]]}")


def list_by_project():
    listed = json.loads(toggl_track("--format", "json", "entries", "--project-id", str(ops), "list", *window))
    check([e["id"] for e in listed] == [ids[2]], f"{listed}")


def group_by_initiative():
    grouped = json.loads(toggl_track("--format", "json", "entries", "group-by", "--field", "initiative", *window))
    check(dict(grouped) == {"Docs": 2400, "Morning": 900}, f"{grouped}")


def list_outside_window():
    listed = json.loads(toggl_track(
        "--format", "json", "entries", "list", "--start-date", "2026-10-01T00:00:00", "--end-date", "2026-10-02T00:00:00"))
    check(listed == [], f"{listed}")


for name, fn in [
    ("entries list (text, with total)", list_text), ("entries list --format json", list_json),
    ("entries list by project", list_by_project), ("entries group-by initiative", group_by_initiative),
    ("entries list outside the window is empty", list_outside_window),
]:
    run.step(name, fn)

run.finish()
