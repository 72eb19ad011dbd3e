-- wrk -s bench/soap-mixed.lua: round-robin Echo (64 chars), Add and GetOrder(1, 100), for the working-set soak.
local soap = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "soap-common.lua")
local reqs = {}
local i = 0

function init(args)
  reqs = { soap.request("echo"), soap.request("add"), soap.request("getorder") }
end

function request()
  i = i % #reqs + 1
  return reqs[i]
end

done = soap.done
