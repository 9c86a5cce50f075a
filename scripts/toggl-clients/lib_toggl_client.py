"""lib-toggl 0.2.4, unchanged but for its base URL, against missionctl's reference backend.

Every operation its `Toggl` client offers (13: the account, workspaces and current entry as
properties and as calls, tags listed and made, entries listed, read, made, persisted, edited,
re-tagged and stopped), each a step that passes when the call succeeds, the client's pydantic
models accept the response and the value is the one the step expects. lib-toggl has no setting
for its base URL: its modules spell Toggl's `https://api.track.toggl.com/api/v9` into their
endpoint constants when imported, so those constants (and only those) are pointed at the server
under test. Run by scripts/test-toggl-clients with the base URL as the only argument.
"""
import asyncio
import sys
from datetime import UTC, datetime, timedelta

import lib_toggl.client as client_module
from lib_toggl import account, const, tags, time_entries, workspace
from lib_toggl.client import Toggl
from lib_toggl.time_entries import TimeEntry

from clientrun import Run, check, signup

base = sys.argv[1].rstrip("/")
TOGGL = "https://api.track.toggl.com/api/v9"
for module in (const, account, tags, time_entries, workspace, client_module):
    for name, value in list(vars(module).items()):
        if isinstance(value, str) and value.startswith(TOGGL):
            setattr(module, name, base + value[len(TOGGL):])

run = Run("lib-toggl 0.2.4")
acct = signup(base, "Lib Toggl Test")
wid = acct["default_workspace_id"]
now = datetime.now(UTC).replace(microsecond=0)
state = {}


async def main():
    async with Toggl(acct["api_token"]) as toggl:
        async def step(name, fn):
            try:
                await fn()
                run.passed += 1
                print(f"{run.client}: ok   {name}")
            except Exception as e:  # every failure is reported, then the run goes on
                run.failed.append(name)
                print(f"{run.client}: FAIL {name}: {type(e).__name__}: {str(e)[:400]}")

        async def account_details():
            a = await toggl.get_account_details()
            check(a is not None and a.email == acct["email"] and a.default_workspace_id == wid, f"account: {a}")

        async def account_property():
            a = await toggl.account
            check(a is not None and a.id == acct["id"], f"account property: {a}")

        async def get_workspaces():
            listed = await toggl.get_workspaces()
            check([w.id for w in listed] == [wid], f"workspaces: {listed}")

        async def workspaces_property():
            listed = await toggl.workspaces
            check(listed and listed[0].id == wid, f"workspaces property: {listed}")

        async def create_tag():
            t = await toggl.create_tag(wid, "lib-tag")
            check(t is not None and t.name == "lib-tag", f"create_tag: {t}")

        async def get_tags():
            listed = await toggl.get_tags(wid)
            check([t.name for t in listed] == ["lib-tag"], f"get_tags: {listed}")

        async def create_entry():
            te = await toggl.create_new_time_entry(
                TimeEntry(workspace_id=wid, description="Lib entry", start=now - timedelta(minutes=10), duration=-1, tags=["lib-tag"]))
            check(te is not None and te.id and te.description == "Lib entry" and te.stop is None, f"create: {te}")
            state["te"] = te

        async def current_entry():
            te = await toggl.get_current_time_entry()
            check(te is not None and te.id == state["te"].id, f"current: {te}")

        async def current_property():
            te = await toggl.current_time_entry
            check(te is not None and te.id == state["te"].id, f"current property: {te}")

        async def entry_by_id():
            te = await toggl.get_time_entry_by_id(state["te"].id)
            check(te is not None and te.description == "Lib entry", f"by id: {te}")

        async def edit_entry():
            local = await toggl.get_time_entry_by_id(state["te"].id)
            local.description = "Edited lib entry"
            local.tags = ["lib-tag", "second-tag"]
            te = await toggl.edit_time_entry(local)
            check(te is not None and te.description == "Edited lib entry" and sorted(te.tags or []) == ["lib-tag", "second-tag"], f"edit: {te}")

        async def update_tags():
            remote = await toggl.get_time_entry_by_id(state["te"].id)
            te = await toggl.update_tags(remote, ["second-tag"])
            check(te is not None and (te.tags or []) == ["second-tag"], f"update_tags: {te}")

        async def persist_entry():
            remote = await toggl.get_time_entry_by_id(state["te"].id)
            remote.description = "Persisted"
            te = await toggl._persist_time_entry(remote)
            check(te is not None and te.description == "Persisted" and te.stop is None, f"persist: {te}")

        async def stop_entry():
            te = await toggl.stop_time_entry(state["te"])
            check(te is not None and te.stop is not None and await toggl.get_current_time_entry() is None, f"stop: {te}")

        async def list_entries():
            listed = await toggl.get_time_entries(now - timedelta(days=1), now + timedelta(hours=1))
            check([te.id for te in listed] == [state["te"].id], f"get_time_entries: {listed}")

        for name, fn in [
            ("get_account_details", account_details), ("account (property)", account_property),
            ("get_workspaces", get_workspaces), ("workspaces (property)", workspaces_property),
            ("create_tag", create_tag), ("get_tags", get_tags),
            ("create_new_time_entry (running)", create_entry), ("get_current_time_entry", current_entry),
            ("current_time_entry (property)", current_property), ("get_time_entry_by_id", entry_by_id),
            ("edit_time_entry (description and tags)", edit_entry), ("update_tags", update_tags),
            ("_persist_time_entry", persist_entry), ("stop_time_entry", stop_entry), ("get_time_entries", list_entries),
        ]:
            await step(name, fn)


asyncio.run(main())
run.finish()
