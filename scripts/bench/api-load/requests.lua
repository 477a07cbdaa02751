-- wrk script of the API load benchmark (scripts/bench/api-load-benchmark).
-- Each connection cycles through the request paths in BENCH_PATHS (space-separated), so every
-- filter combination gets the same share of requests. A response that is not 2xx counts as an
-- error. done() prints one "bench …" line of figures, latencies in milliseconds.

local paths = {}
for path in string.gmatch(os.getenv("BENCH_PATHS") or "/api/v1/anomalies", "%S+") do
  paths[#paths + 1] = path
end

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
  return wrk.format("GET", paths[(sent % #paths) + 1])
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
