-- wrk script: GET /me/time_entries/current for many users. BENCH_CURRENT_USERS names a file of
-- `Authorization` header values, one user (each with a running timer) per line; every request
-- takes the thread's next user, so concurrent requests ask for different users' timers.
-- BENCH_PATH (default the `current` route) lets the baseline run through this same script, so
-- that both sides pay the same client cost (a Lua call per request).
local users = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("offset", counter * 7)
end

function init(args)
  path = os.getenv("BENCH_PATH") or "/api/v9/me/time_entries/current"
  for line in io.lines(os.getenv("BENCH_CURRENT_USERS")) do
    table.insert(users, wrk.format("GET", path, { ["Authorization"] = line }))
  end
  i = offset or 0
end

function request()
  i = i + 1
  return users[i % #users + 1]
end
