-- wrk script of the API load benchmark (scripts/bench/api-load-benchmark).
-- Each connection cycles through the request paths in BENCH_PATHS (space-separated), so every
-- filter combination gets the same share of requests. With BENCH_UNIQUE=1 every request is made
-- one of a kind, so the API's page cache never holds it: min_score gets a fraction no other
-- request has (min_score=0.<12 digits>, below every score, added to a path without min_score;
-- min_score=8.<12 digits> replacing min_score=8), which selects the same rows (about the same,
-- for min_score=8). The digits are BENCH_SALT (one per wrk run), the thread and the request. A response that is
-- not 2xx counts as an error. done() prints one "bench …" line of figures, latencies in
-- milliseconds.

local paths = {}
for path in string.gmatch(os.getenv("BENCH_PATHS") or "/api/v1/anomalies", "%S+") do
  paths[#paths + 1] = path
end

local unique = os.getenv("BENCH_UNIQUE") == "1"
local salt = tonumber(os.getenv("BENCH_SALT") or "0")
local threads = {}

function setup(thread)
  thread:set("first", #threads)
  threads[#threads + 1] = thread
end

function init(args)
  sent = first or 0
  non2xx = 0
end

function request()
  sent = sent + 1
  local path = paths[(sent % #paths) + 1]
  if unique then
    local fraction = string.format("%02d%02d%08d", salt % 100, first % 100, sent % 100000000)
    if string.find(path, "min_score=8", 1, true) then
      path = string.gsub(path, "min_score=8", "min_score=8." .. fraction)
    else
      path = path .. (string.find(path, "?", 1, true) and "&" or "?") .. "min_score=0." .. fraction
    end
  end
  return wrk.format("GET", path)
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  end
end

function done(summary, latency, requests)
  local bad = 0
  for _, thread in ipairs(threads) do
    bad = bad + thread:get("non2xx")
  end
  local errors = summary.errors
  local socket_errors = errors.connect + errors.read + errors.write + errors.timeout
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "bench requests=%d seconds=%.1f rps=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f"
      .. " non2xx=%d socket_errors=%d paths=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, bad, socket_errors, #paths))
end
