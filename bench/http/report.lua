-- wrk script: optional request shape from the environment, and one JSON line
-- with the summary at the end (the runner parses the line starting "JSON ").
local method = os.getenv("BENCH_METHOD")
local size = tonumber(os.getenv("BENCH_BODY") or "0")
if method then wrk.method = method end
if size > 0 then
  wrk.body = string.rep("x", size)
  wrk.headers["Content-Type"] = "application/octet-stream"
end
if os.getenv("BENCH_CLOSE") then wrk.headers["Connection"] = "close" end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'JSON {"requests": %d, "duration_us": %d, "bytes": %d, "socket_errors": %d, "non2xx": %d, ' ..
    '"p50_us": %d, "p99_us": %d, "connect_errors": %d}\n',
    summary.requests, summary.duration, summary.bytes,
    e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50), latency:percentile(99), e.connect))
end
