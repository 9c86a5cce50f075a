"""toggl-api-wrapper 2.2.0, unchanged but for its base URL, against missionctl's reference backend.

Every operation its synchronous endpoints offer (36: user 2, organizations 5, workspaces 6,
clients 5, projects 5, tags 5, time entries 8), each a step that passes when the call succeeds,
the client's own models accept the response and the value is the one the step expects. The base
URL is the client's documented class attribute `TogglEndpoint.BASE_ENDPOINT`. Run by
scripts/test-toggl-clients with the base URL as the only argument.
"""
import logging
import sys
import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

from httpx import BasicAuth, HTTPStatusError
from toggl_api import (ClientBody, ClientEndpoint, OrganizationEndpoint, ProjectBody, ProjectEndpoint, TagEndpoint,
                       TrackerBody, TrackerEndpoint, UserEndpoint, WorkspaceBody, WorkspaceEndpoint)
from toggl_api.meta import TogglEndpoint
from toggl_api.meta.cache import JSONCache

from clientrun import Run, check, signup

base = sys.argv[1]
TogglEndpoint.BASE_ENDPOINT = base.rstrip("/") + "/"
run = Run("toggl-api-wrapper 2.2.0")
account = signup(base, "Wrapper Test")
auth = BasicAuth(account["api_token"], "api_token")
wid = account["default_workspace_id"]
# re_raise: an error answer fails its step instead of being retried or swallowed.
user = UserEndpoint(auth, re_raise=True)
orgs = OrganizationEndpoint(auth, re_raise=True)
clients = ClientEndpoint(wid, auth, re_raise=True)
projects = ProjectEndpoint(wid, auth, re_raise=True)
# Tags have no single-tag route in Toggl's API: the client finds one in its cache, as documented.
tags = TagEndpoint(wid, auth, JSONCache(Path(tempfile.mkdtemp(prefix="toggl-api-wrapper-"))), re_raise=True)
trackers = TrackerEndpoint(wid, auth, re_raise=True)
state = {}
now = datetime.now(timezone.utc).replace(microsecond=0)


def gone(get):
    """A lookup after a delete: the client's None, or the 404 it raises with `re_raise`."""
    try:
        return get() is None
    except HTTPStatusError as e:
        return e.response.status_code == 404


def verify_authentication():
    check(UserEndpoint.verify_authentication(auth) is True, "verify_authentication")
    logging.disable(logging.ERROR)  # the client logs the refusal this check expects
    try:
        check(UserEndpoint.verify_authentication(BasicAuth("not-a-token", "api_token")) is False, "a bad token is refused")
    finally:
        logging.disable(logging.NOTSET)


def get_details():
    d = user.get_details()
    check(d["email"] == account["email"] and d["default_workspace_id"] == wid, f"get_details: {d}")
    state["oid"] = d.get("organization_id") or next(iter(orgs.collect(refresh=True))).id


def organization_collect():
    listed = orgs.collect(refresh=True)
    check(listed and all(o.id and o.name for o in listed), f"organizations: {listed}")
    state["oid"] = listed[0].id


def organization_get():
    o = orgs.get(state["oid"], refresh=True)
    check(o is not None and o.id == state["oid"], f"organization get: {o}")


def organization_add():
    o = orgs.add("Second organization", workspace_name="second_workspace")
    check(o.name == "Second organization", f"organization add: {o}")
    state["oid2"] = o.id


def organization_edit():
    o = orgs.edit(state["oid2"], "Renamed organization")
    check(o.name == "Renamed organization" and orgs.get(state["oid2"], refresh=True).name == "Renamed organization", f"edit: {o}")


def organization_delete():
    orgs.delete(state["oid2"])
    check(all(o.id != state["oid2"] for o in orgs.collect(refresh=True)), "the left organization is no longer listed")


def workspace_collect():
    listed = WorkspaceEndpoint(state["oid"], auth, re_raise=True).collect(refresh=True)
    check(any(w.id == wid for w in listed), f"workspaces: {listed}")


def workspace_get():
    w = WorkspaceEndpoint(state["oid"], auth, re_raise=True).get(wid, refresh=True)
    check(w is not None and w.id == wid, f"workspace get: {w}")


def workspace_add():
    # The client refuses spaces in workspace names, and reads the organization from an
    # `organization` key Toggl's workspace object does not have (it is `organization_id`), so
    # `w.organization` is 0 against real Toggl too.
    w = WorkspaceEndpoint(state["oid"], auth, re_raise=True).add(WorkspaceBody(name="Added_workspace"))
    check(w.name == "Added_workspace" and w.id != wid, f"workspace add: {w}")
    state["wid2"] = w.id


def workspace_edit():
    w = WorkspaceEndpoint(state["oid"], auth, re_raise=True).edit(state["wid2"], WorkspaceBody(name="Edited_workspace"))
    check(w.name == "Edited_workspace", f"workspace edit: {w}")


def workspace_constraints():
    c = WorkspaceEndpoint(state["oid"], auth, re_raise=True).tracker_constraints(wid)
    check(c.get("time_entry_constraints_enabled") is False and "description_present" in c, f"constraints: {c}")


def workspace_statistics():
    s = WorkspaceEndpoint(state["oid"], auth, re_raise=True).statistics(wid)
    check(s["members_count"] == 1 and [a["user_id"] for a in s["admins"]] == [account["id"]], f"statistics: {s}")


def client_add():
    c = clients.add(ClientBody(name="Wrapper client"))
    check(c.name == "Wrapper client", f"client add: {c}")
    state["cid"] = c.id


def client_get():
    check(clients.get(state["cid"], refresh=True).name == "Wrapper client", "client get")


def client_edit():
    check(clients.edit(state["cid"], ClientBody(name="Edited client")).name == "Edited client", "client edit")


def client_collect():
    check([c.id for c in clients.collect(refresh=True)] == [state["cid"]], "client collect")


def client_delete():
    clients.delete(state["cid"])
    check(gone(lambda: clients.get(state["cid"], refresh=True)), "a deleted client is gone")


def project_add():
    p = projects.add(ProjectBody(name="Wrapper project", color="#0b83d9", is_private=False))
    state["pid"] = p.id
    check(p.name == "Wrapper project" and p.color == "#0b83d9" and p.active, f"project add: {p}")


def project_get():
    check(projects.get(state["pid"], refresh=True).name == "Wrapper project", "project get")


def project_edit():
    p = projects.edit(state["pid"], ProjectBody(name="Edited project", color="#c9806b"))
    check(p.name == "Edited project" and p.color == "#c9806b", f"project edit: {p}")


def project_collect():
    check([p.id for p in projects.collect(refresh=True)] == [state["pid"]], "project collect")


def project_delete():
    projects.delete(state["pid"])
    check(gone(lambda: projects.get(state["pid"], refresh=True)), "a deleted project is gone")


def tag_add():
    t = tags.add("wrapper-tag")
    check(t.name == "wrapper-tag", f"tag add: {t}")
    state["tid"] = t.id


def tag_get():
    check(tags.get(state["tid"], refresh=True).name == "wrapper-tag", "tag get")


def tag_edit():
    check(tags.edit(state["tid"], "edited-tag").name == "edited-tag", "tag edit")


def tag_collect():
    check([t.id for t in tags.collect(refresh=True)] == [state["tid"]], "tag collect")


def tag_delete():
    tags.delete(state["tid"])
    check(gone(lambda: tags.get(state["tid"], refresh=True)), "a deleted tag is gone")


def tracker_add():
    t = trackers.add(TrackerBody(description="Wrapper entry", start=now - timedelta(minutes=5), tags=["a"]))
    check(t.name == "Wrapper entry" and t.running(), f"tracker add: {t}")
    state["teid"] = t.id


def tracker_current():
    c = trackers.current(refresh=True)
    check(c is not None and c.id == state["teid"], f"current: {c}")


def tracker_get():
    check(trackers.get(state["teid"], refresh=True).id == state["teid"], "tracker get")


def tracker_edit():
    t = trackers.edit(state["teid"], TrackerBody(description="Edited entry", tags=["b"], tag_action="add"))
    check(t.name == "Edited entry" and sorted(t.tags and [x.name for x in t.tags] or []) == ["a", "b"], f"edit: {t}")


def tracker_stop():
    t = trackers.stop(state["teid"])
    check(t is not None and not t.running() and trackers.current(refresh=True) is None, f"stop: {t}")


def tracker_bulk_edit():
    second = trackers.add(TrackerBody(description="Second", start=now - timedelta(hours=2), stop=now - timedelta(hours=1)))
    edits = trackers.bulk_edit(state["teid"], second.id, body=TrackerBody(description="Bulk edited"))
    check(sorted(edits.successes) == sorted([state["teid"], second.id]) and edits.failures == [], f"bulk edit: {edits}")
    check(trackers.get(second.id, refresh=True).name == "Bulk edited", "the bulk edit is stored")


def tracker_collect():
    listed = trackers.collect(since=int((now - timedelta(days=1)).timestamp()), refresh=True)
    check(state["teid"] in [t.id for t in listed], f"collect since: {listed}")
    ranged = trackers.collect(start_date=now - timedelta(days=1), end_date=now + timedelta(hours=1), refresh=True)
    check(state["teid"] in [t.id for t in ranged], f"collect range: {ranged}")


def tracker_delete():
    trackers.delete(state["teid"])
    check(gone(lambda: trackers.get(state["teid"], refresh=True)), "a deleted entry is gone")


for name, step in [
    ("user: verify_authentication (/me/logged)", verify_authentication), ("user: get_details", get_details),
    ("organizations: collect", organization_collect), ("organizations: get", organization_get),
    ("organizations: add", organization_add), ("organizations: edit", organization_edit),
    ("organizations: delete (leave)", organization_delete),
    ("workspaces: collect", workspace_collect), ("workspaces: get", workspace_get), ("workspaces: add", workspace_add),
    ("workspaces: edit", workspace_edit), ("workspaces: tracker_constraints", workspace_constraints),
    ("workspaces: statistics", workspace_statistics),
    ("clients: add", client_add), ("clients: get", client_get), ("clients: edit", client_edit),
    ("clients: collect", client_collect), ("clients: delete", client_delete),
    ("projects: add", project_add), ("projects: get", project_get), ("projects: edit", project_edit),
    ("projects: collect", project_collect), ("projects: delete", project_delete),
    ("tags: add", tag_add), ("tags: get", tag_get), ("tags: edit", tag_edit), ("tags: collect", tag_collect),
    ("tags: delete", tag_delete),
    ("time entries: add", tracker_add), ("time entries: current", tracker_current), ("time entries: get", tracker_get),
    ("time entries: edit (tag_action add)", tracker_edit), ("time entries: stop", tracker_stop),
    ("time entries: bulk_edit", tracker_bulk_edit), ("time entries: collect", tracker_collect),
    ("time entries: delete", tracker_delete),
]:
    run.step(name, step)
run.finish()
