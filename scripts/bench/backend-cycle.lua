-- wrk script: start/stop cycles. Each wrk thread owns one connection and one user, so every
-- response answers that thread's previous request: start a timer, stop it by the id returned.
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  local file = io.open(os.getenv("BENCH_USERS"), "r")
  local i = 0
  for line in file:lines() do
    i = i + 1
    if i == counter then
      local auth, wid = line:match("^(.+) (%d+)$")
      thread:set("auth", auth)
      thread:set("wid", wid)
    end
  end
  file:close()
  table.insert(threads, thread)
end

local running = nil
local n = 0

function request()
  local headers = { ["Authorization"] = auth, ["Content-Type"] = "application/json" }
  if running then
    return wrk.format("PATCH", "/api/v9/workspaces/" .. wid .. "/time_entries/" .. running .. "/stop", headers, "")
  end
  n = n + 1
  local body = string.format('{"start": "2026-01-01T00:00:%02dZ", "description": "bench %d"}', n % 60, n)
  return wrk.format("POST", "/api/v9/workspaces/" .. wid .. "/time_entries", headers, body)
end

function response(status, headers, body)
  if status ~= 200 then
    running = nil
    return
  end
  if running then
    running = nil
  else
    running = body:match('"id":(%d+)')
  end
end
