"""What the client drivers in this folder share: an account made through the server's signup, and
steps that report each failure and go on. Standard library only: each driver runs in its client's
own virtualenv."""
import base64
import json
import sys
import time
import urllib.request
import uuid

PASSWORD = "correct horse battery"


def signup(base, fullname):
    """A new account, made the way a self-hosted server's admin would (signup is not part of
    Toggl's clients): `/me`'s object, with `api_token`."""
    email = f"client-{uuid.uuid4().hex[:8]}@example.org"
    body = json.dumps({"email": email, "password": PASSWORD, "fullname": fullname}).encode()
    request = urllib.request.Request(f"{base}/signup", data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)


def call(base, token, method, path, body=None):
    """One API call with the account's token, outside the client under test (to set up or look up)."""
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(f"{base}{path}", data=data, method=method, headers={"Content-Type": "application/json"})
    request.add_header("Authorization", "Basic " + base64.b64encode(f"{token}:api_token".encode()).decode())
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)


def check(cond, what):
    if not cond:
        raise AssertionError(what)


class Run:
    """Steps of one client: each passes or fails on its own; `finish` prints the count and exits."""

    def __init__(self, client):
        self.client, self.passed, self.failed = client, 0, []
        self.started = time.monotonic()

    def step(self, name, fn):
        """Runs `fn`; returns what it returned, or None when it failed."""
        try:
            value = fn()
            self.passed += 1
            print(f"{self.client}: ok   {name}")
            return value
        except Exception as e:  # every failure is reported, then the run goes on
            self.failed.append(name)
            print(f"{self.client}: FAIL {name}: {type(e).__name__}: {str(e)[:400]}")
            return None

    def finish(self):
        total = self.passed + len(self.failed)
        print(f"{self.client}: {self.passed}/{total} steps passed in {time.monotonic() - self.started:.1f} s")
        sys.exit(1 if self.failed else 0)
