-- wrk script: GET the paths in BENCH_PATHS (comma-separated) in turn with the UI session cookie in
-- BENCH_COOKIE (one form login before the run, so the run measures the app, not BCrypt), and count
-- every answer that is not 2xx (a 302 to /login would mean the session was lost).
-- Accept-Encoding is what Chromium and Firefox send unless BENCH_ENCODING says otherwise
-- (BENCH_ENCODING=identity measures the answer for clients that do not accept gzip).
local cookie = os.getenv("BENCH_COOKIE")
local encoding = os.getenv("BENCH_ENCODING") or "gzip, deflate, br, zstd"
local paths = {}
for p in string.gmatch(os.getenv("BENCH_PATHS") or "/", "[^,]+") do
  paths[#paths + 1] = p
end
local threads = {}

function setup(thread)
  thread:set("offset", #threads * 7919)
  table.insert(threads, thread)
end

function init(args)
  errors = 0
  n = offset or 0
end

function request()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1], { ["Cookie"] = cookie, ["Accept-Language"] = "en",
    ["Accept-Encoding"] = encoding })
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    errors = errors + 1
  end
end

function done(summary, latency, requests)
  local e = 0
  for _, t in ipairs(threads) do
    e = e + t:get("errors")
  end
  io.write(string.format("BENCH non2xx=%d requests=%d p50_ms=%.2f p99_ms=%.2f max_ms=%.2f rps=%.1f\n", e,
    summary.requests, latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.requests / (summary.duration / 1e6)))
end
