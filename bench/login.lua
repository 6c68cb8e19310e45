-- wrk script: a login flood with unknown user names. Argument after `--`: `reuse` posts one
-- CSRF pair over and over (the pair given in the environment as LOGIN_COOKIE and LOGIN_CSRF,
-- as the security review's flood did), `fresh` fetches a new login form before each attempt
-- (what a flood must do once a form works only once).
local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  mode = args[1] or "reuse"
  counter = 0
  cookie = os.getenv("LOGIN_COOKIE")
  csrf = os.getenv("LOGIN_CSRF")
  fresh_cookie, fresh_csrf = nil, nil
  checked, limited, spent, busy = 0, 0, 0, 0
end

local function post(c, token)
  counter = counter + 1
  local body = string.format("username=nobody%d-%d&password=a+guess+at+it+%d&totp=123456&csrf_token=%s",
    id, counter, counter, token)
  return wrk.format("POST", "/staff/login",
    { ["Content-Type"] = "application/x-www-form-urlencoded", ["Cookie"] = c }, body)
end

function request()
  if mode == "reuse" then
    return post(cookie, csrf)
  end
  if fresh_cookie then
    local c, t = fresh_cookie, fresh_csrf
    fresh_cookie, fresh_csrf = nil, nil
    return post(c, t)
  end
  return wrk.format("GET", "/staff/login")
end

function response(status, headers, body)
  -- 401: a password was checked; 429: refused before; 403: spent form; 503: checks all busy.
  if status == 401 then checked = checked + 1
  elseif status == 429 then limited = limited + 1
  elseif status == 403 then spent = spent + 1
  elseif status == 503 then busy = busy + 1 end
  if mode ~= "fresh" or status ~= 200 then
    return
  end
  local set = headers["Set-Cookie"] or headers["set-cookie"]
  local c = set and string.match(set, "(hotline_login=[^;]*)")
  local t = string.match(body, 'name="csrf_token" value="([^"]*)"')
  if c and t then
    fresh_cookie, fresh_csrf = c, t
  end
end

function done(summary, latency, requests)
  local c, l, s, b = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    c = c + t:get("checked"); l = l + t:get("limited"); s = s + t:get("spent"); b = b + t:get("busy")
  end
  io.write(string.format("LOGINS checked=%d limited=%d spent=%d busy=%d\n", c, l, s, b))
end
