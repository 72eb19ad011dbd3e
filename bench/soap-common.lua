-- Shared by the wrk scripts: loads a request body from bench/requests, builds the SOAP 1.1 POST, and prints one
-- machine-readable BENCH line at the end that run.sh parses (latencies in microseconds).
-- Plain names (echo, getorder, add) go to the sample's /soap/calculator (namespace http://example.com/calc);
-- svc-* names go to /Calculator.svc, the WCF-contract calculator (namespace http://example.com/calculator) that both
-- SoapCore and the sample app's twin serve, with WCF's default actions.
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local M = {}

M.actions = {
  echo = '"http://example.com/calc/CalculatorService/Echo"',
  getorder = '"http://example.com/calc/CalculatorService/GetOrder"',
  add = '"http://example.com/calc/CalculatorService/Add"',
  ["svc-echo"] = '"http://example.com/calculator/CalculatorService/Echo"',
  ["svc-getorder"] = '"http://example.com/calculator/CalculatorService/GetOrder"',
}

function M.path(name)
  return name:find("^svc%-") and "/Calculator.svc" or "/soap/calculator"
end

function M.body(name)
  local file = assert(io.open(dir .. "requests/" .. name .. ".xml", "rb"))
  local body = file:read("*a")
  file:close()
  return body
end

function M.request(name)
  return wrk.format("POST", M.path(name), {
    ["Content-Type"] = "text/xml; charset=utf-8",
    ["SOAPAction"] = M.actions[name],
  }, M.body(name))
end

function M.done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d duration_us=%d rps=%.1f p50_us=%d p99_us=%d max_us=%d non2xx=%d socket_errors=%d\n",
    summary.requests, summary.duration, summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(99), latency.max,
    e.status, e.connect + e.read + e.write + e.timeout))
end

return M
