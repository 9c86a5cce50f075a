"""togglCli 4.0.1 (the `toggl` command), unchanged but for its base URL, against missionctl's reference backend.

togglCli has no base-URL option: `toggl.toggl.TOGGL_URL` is the one constant it reads the URL from,
and the child process sets it before running the command as its console script would. Each step is a
command a user types; it passes when the command exits 0, prints no error, and its output says what
the step expects. Run by scripts/test-toggl-clients with the base URL as the only argument.
"""
import atexit
import os
import shutil
import subprocess
import sys
import tempfile

from clientrun import Run, call, check, signup

base = sys.argv[1]
run = Run("togglCli 4.0.1")
account = signup(base, "Cli Test")
email, token = account["email"], account["api_token"]
workspace = call(base, token, "GET", "/me/workspaces")[0]["name"]

# The CLI's own configuration file, as `toggl` would write it after asking for the token.
home = tempfile.mkdtemp(prefix="togglcli-")
atexit.register(shutil.rmtree, home, True)
with open(os.path.join(home, ".togglrc"), "w") as rc:
    rc.write(f"[version]\nversion = 4.0.1\n\n[auth]\napi_token = {token}\n\n[options]\ntz = UTC\nretries = 1\n")
entry = "import sys, toggl.toggl as t; t.TOGGL_URL = sys.argv[1]; t.main(sys.argv[2:])"
env = {**os.environ, "HOME": home, "XDG_CONFIG_HOME": home, "TOGGL_API_TOKEN": token}


def toggl(*args, answer=None):
    result = subprocess.run(
        [sys.executable, "-c", entry, base, *args], input=answer, capture_output=True, text=True, env=env, timeout=60)
    out = result.stdout + result.stderr
    if result.returncode != 0 or "ERROR" in out or "Traceback" in out:
        raise AssertionError(f"exit {result.returncode}: {out.strip()[:400]}")
    return out


def step(name, args, expect=(), answer=None):
    def command():
        out = toggl(*args, answer=answer)
        for text in expect:
            if text not in out:
                raise AssertionError(f"expected {text!r} in: {out.strip()[:400]}")
        return out

    return run.step(name, command) or ""


step("me", ["me"], ["Fullname: Cli Test", "Timezone: UTC", f"Workspace: {workspace}"])
step("workspaces ls", ["workspaces", "ls"], [workspace])
step("workspaces get (and its organization)", ["workspaces", "get", str(account["default_workspace_id"])], ["Premium: False"])
step("clients add", ["clients", "add", "-n", "Acme", "--notes", "Contact: Ada"], ["Client 'Acme' with #"])
step("clients ls", ["clients", "ls"], ["Acme"])
step("clients get", ["clients", "get", "Acme"], ["Notes: Contact: Ada"])
step("clients update", ["clients", "update", "Acme", "-n", "Acme Ltd"], ["successfully updated"])
step("projects add with a client", ["projects", "add", "-n", "Site", "-c", "Acme Ltd"], ["Project 'Site' with #"])
step("projects ls shows the client", ["projects", "ls"], ["Site", "Acme Ltd"])
step("start with project and tag", ["start", "-o", "Site", "-a", "review", "Write docs"], ["Started Write docs"])
step("now", ["now"], ["Project: Site", "Tags: review"])
step("now -d (edit the running entry)", ["now", "-d", "Write the docs"])
step("stop", ["stop"], ["'Write the docs' was stopped"])
step("add a finished entry", ["add", "2026-11-02T10:00:00", "2026-11-02T11:30:00", "Planning"], ["Time entry 'Planning' with #"])
listing = step(
    "ls with a date range", ["-s", "ls", "-s", "2026-11-01T00:00:00", "-p", "2026-11-03T00:00:00", "-f", "id,description"], ["Planning"])
step("continue the last entry", ["continue"], ["continue"])
step("stop the continued entry", ["stop"], ["was stopped"])
step("ls", ["ls"], ["Write the docs"])
step("sum", ["sum"], ["Total time"])
planning = next((line.split("\t")[0] for line in listing.splitlines() if line.endswith("Planning")), None)
if planning:
    step("rm by id", ["rm", planning.strip()], ["successfully deleted"], answer="y\n")
    step("the removed entry is gone", ["-s", "ls", "-s", "2026-11-01T00:00:00", "-p", "2026-11-03T00:00:00"], ["No entries were found"])
else:
    run.step("rm by id", lambda: check(False, "the ls step gave no id for 'Planning'"))
step("tags ls", ["tags", "ls"], ["review"])
step("tags update", ["tags", "update", "review", "-n", "reviewed"], ["successfully updated"])
step("tags rm", ["tags", "rm", "reviewed"], ["successfully deleted"], answer="y\n")
step("users ls", ["users", "ls"], [email])
step("project_users", ["project_users"], ["No entries were found"])
step("projects update", ["projects", "update", "Site", "-n", "Site 2"], ["successfully updated"])
step("projects rm", ["projects", "rm", "Site 2"], ["successfully deleted"], answer="y\n")
step("clients rm", ["clients", "rm", "Acme Ltd"], ["successfully deleted"], answer="y\n")
step("clients ls after rm", ["clients", "ls"], ["No entries were found"])

run.finish()
