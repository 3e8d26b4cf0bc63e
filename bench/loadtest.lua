-- loadtest.lua: wrk script for make loadtest: the public pages, and one request in ten a
-- logged-in POST (a new draft) with the session cookie and CSRF token from the environment.
local paths = { "/", "/nyheter", "/evenemang", "/medlemmar", "/om", "/nyheter?sida=2",
	"/evenemang.ics" }
local cookie = os.getenv("LT_COOKIE")
local csrf = os.getenv("LT_CSRF")
local origin = os.getenv("LT_ORIGIN")
local n = 0
five = 0   -- global: done() reads it from each thread

function request()
	n = n + 1
	if n % 10 == 0 then
		local body = "csrf=" .. csrf .. "&title=Last+" .. n .. "&author=A&category=0&excerpt=" ..
			"&body=Text&publish_at=&version=1&action=draft"
		return wrk.format("POST", "/admin/nyheter/ny", {
			["Cookie"] = cookie, ["Origin"] = origin,
			["Content-Type"] = "application/x-www-form-urlencoded" }, body)
	end
	return wrk.format("GET", paths[n % #paths + 1])
end

function response(status)
	if status >= 500 then
		five = five + 1
	end
end

-- Each thread's count of 5xx answers, summed in done().
local threads = {}
function setup(thread)
	table.insert(threads, thread)
end

function done(summary)
	local total = 0
	for _, t in ipairs(threads) do
		total = total + (t:get("five") or 0)
	end
	io.write(string.format("5xx: %d\n", total))
end
