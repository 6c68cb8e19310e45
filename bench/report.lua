-- wrk script: every request is a new anonymous report of a new address under example.test
-- (reserved: nothing is ever fetched from it). Arguments after `--`: a tag that keeps the
-- addresses of one run apart from another's, and optionally a delay in milliseconds
-- between a connection's requests (to hold a rate below the peak).
local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  tag = args[1] or "run"
  pause = tonumber(args[2] or "0")
  counter = 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function delay()
  return pause
end

function request()
  counter = counter + 1
  local body = string.format(
    '{"urls":["https://bench-%s-%d-%d.example.test/gallery/%d"],"where_found":"website","description":"benchmark report %d"}',
    tag, id, counter, counter, counter)
  return wrk.format(nil, "/api/v1/reports", nil, body)
end
