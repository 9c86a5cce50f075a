"""toggl-python 0.3.2, unchanged but for its base URL, against missionctl's reference backend.

Every step is a call a user of the client makes; it passes when the call succeeds, the client's own
pydantic models accept the response, and the value is the one the step expects. Run by
scripts/test-toggl-clients with the base URL as the only argument.
"""
import sys
from datetime import datetime, timedelta, timezone

import httpx
from toggl_python import BadRequest, BasicAuth, CurrentUser, TokenAuth, Workspace
from toggl_python.schemas.base import BulkEditOperation, BulkEditOperations

from clientrun import PASSWORD, Run, check, signup

base = sys.argv[1]
run = Run("toggl-python 0.3.2")
account = signup(base, "Client Test")
email = account["email"]
token = account["api_token"]
auth = TokenAuth(token)
me_api, ws_api = CurrentUser(auth=auth, base_url=base), Workspace(auth=auth, base_url=base)
state = {}
now = datetime.now(timezone.utc).replace(microsecond=0)


def me():
    m = me_api.me()
    check(m.email == email and m.api_token == token and len(m.toggl_accounts_id) == 22, f"me: {m}")
    state["wid"] = m.default_workspace_id


def me_password():
    m = CurrentUser(auth=BasicAuth(email, PASSWORD), base_url=base).me()
    check(m.api_token == token, "the token /me shows with a password login is the same")


def me_related():
    m = me_api.me(with_related_data=True)
    check(any(w.id == state["wid"] for w in m.workspaces), "with_related_data lists the workspace")


def update_me():
    u = me_api.update_me(fullname="Renamed Client", beginning_of_week=0, timezone="Europe/Berlin")
    check(u.fullname == "Renamed Client" and u.beginning_of_week == 0 and u.timezone == "Europe/Berlin", f"update_me: {u}")


def workspaces():
    listed = ws_api.list()
    check([w.id for w in listed] == [state["wid"]], f"workspaces: {listed}")
    check(ws_api.get(state["wid"]).name == listed[0].name, "workspace get")


def projects():
    p = ws_api.create_project(workspace_id=state["wid"], name="Client project", active=True)
    state["pid"] = p.id
    check(p.name == "Client project" and p.active, f"create_project: {p}")
    check(any(x.id == p.id for x in ws_api.get_projects(workspace_id=state["wid"])), "get_projects")
    check(ws_api.get_project(workspace_id=state["wid"], project_id=p.id).id == p.id, "get_project")
    u = ws_api.update_project(workspace_id=state["wid"], project_id=p.id, name="Renamed project")
    check(u.name == "Renamed project", f"update_project: {u}")
    check(any(x.id == p.id for x in me_api.get_projects()), "me.get_projects")


def create_stopped():
    start = now - timedelta(hours=3)
    e = ws_api.create_time_entry(
        workspace_id=state["wid"], start_datetime=start, created_with="toggl-python", description="stopped one",
        duration=3600, project_id=state["pid"], tags=["client", "test"])
    check(e.duration == 3600 and e.stop == start + timedelta(hours=1) and sorted(e.tags) == ["client", "test"], f"create: {e}")
    state["stopped"] = e.id


def start_timer():
    e = ws_api.create_time_entry(
        workspace_id=state["wid"], start_datetime=now - timedelta(minutes=5), created_with="toggl-python",
        description="running one", duration=-1)
    check(e.stop is None and e.duration < 0, f"start: {e}")
    state["running"] = e.id


def current_running():
    c = me_api.get_current_time_entry()
    check(c is not None and c.id == state["running"], f"current: {c}")


def second_start_conflicts():
    try:
        ws_api.create_time_entry(workspace_id=state["wid"], start_datetime=now, created_with="toggl-python", duration=-1)
    except BadRequest as e:
        check("already running" in str(e), f"conflict message: {e}")
        return
    raise AssertionError("a second running timer was accepted")


def stop():
    e = ws_api.stop_time_entry(workspace_id=state["wid"], time_entry_id=state["running"])
    check(e.stop is not None and e.duration >= 0, f"stop: {e}")


def current_idle():
    check(me_api.get_current_time_entry() is None, "current after stop is None")


def update():
    e = ws_api.update_time_entry(workspace_id=state["wid"], time_entry_id=state["stopped"], description="edited", tags=["edited"])
    check(e.description == "edited" and e.tags == ["edited"], f"update: {e}")


def bulk_update():
    op = BulkEditOperation(operation=BulkEditOperations.change, field_name="description", field_value="bulk")
    r = ws_api.bulk_edit_time_entries(workspace_id=state["wid"], time_entry_ids=[state["stopped"], state["running"]], operations=[op])
    check(sorted(r.success) == sorted([state["stopped"], state["running"]]) and not r.failure, f"bulk: {r}")


def list_entries():
    listed = me_api.get_time_entries(start_date=now - timedelta(days=1), end_date=now + timedelta(days=1))
    check({state["stopped"], state["running"]} <= {e.id for e in listed}, f"list by dates: {listed}")
    since = me_api.get_time_entries(since=now - timedelta(days=1))
    check({state["stopped"], state["running"]} <= {e.id for e in since}, "list since")
    meta = me_api.get_time_entries(meta=True, start_date=now - timedelta(days=1), end_date=now + timedelta(days=1))
    named = [e for e in meta if e.id == state["stopped"]]
    check(named and named[0].user_name == "Renamed Client" and named[0].user_avatar_url, f"meta: {named}")
    one = me_api.get_time_entry(state["stopped"], meta=True)
    check(one.user_name == "Renamed Client", f"get_time_entry meta: {one}")


def other_workspace():
    created = httpx.post(f"{base}/workspaces", json={"name": "Second"}, auth=(token, "api_token"))
    created.raise_for_status()
    wid2 = created.json()["id"]
    e = ws_api.create_time_entry(
        workspace_id=wid2, start_datetime=now - timedelta(hours=6), created_with="toggl-python", duration=600, description="elsewhere")
    listed = me_api.get_time_entries(start_date=now - timedelta(days=1), end_date=now + timedelta(days=1))
    check(e.id in {x.id for x in listed}, "entries of every workspace are listed")
    check(len(ws_api.list()) == 2, "two workspaces")


def delete():
    check(ws_api.delete_time_entry(workspace_id=state["wid"], time_entry_id=state["running"]), "delete")
    listed = me_api.get_time_entries(start_date=now - timedelta(days=1), end_date=now + timedelta(days=1))
    check(state["running"] not in {e.id for e in listed}, "deleted entry gone")
    check(ws_api.delete_project(workspace_id=state["wid"], project_id=state["pid"]), "delete_project")
    e = me_api.get_time_entry(state["stopped"])
    check(e.project_id is None, f"entries of a deleted project lose it: {e}")


def reset_token():
    r = httpx.post(f"{base}/me/reset_token", auth=(token, "api_token"))
    r.raise_for_status()
    new = r.json()
    check(isinstance(new, str) and len(new) == 32 and new != token, f"reset_token: {new}")
    try:
        me_api.me()
        raise AssertionError("the old token still works")
    except BadRequest:
        pass
    check(CurrentUser(auth=TokenAuth(new), base_url=base).me().api_token == new, "the new token works")


for name, fn in [
    ("/me", me), ("/me with email:password", me_password), ("/me with_related_data", me_related), ("PUT /me", update_me),
    ("workspaces list and get", workspaces), ("projects create/list/get/update, /me/projects", projects),
    ("time entry create (stopped, tags, project)", create_stopped), ("start a timer", start_timer),
    ("current: running", current_running), ("second start: 409", second_start_conflicts), ("stop", stop),
    ("current: idle → None", current_idle), ("update", update), ("bulk update", bulk_update),
    ("list: start_date/end_date, since, meta=True; get one with meta", list_entries),
    ("entries from another workspace are listed", other_workspace), ("delete entry and project", delete),
    ("POST /me/reset_token", reset_token),
]:
    run.step(name, fn)

run.finish()
