-- wrk -s bench/soap-getorder.lua: POSTs bench/requests/getorder.xml as SOAP 1.1 to /soap/calculator.
local soap = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "soap-common.lua")
local req

function init(args)
  req = soap.request("getorder")
end

function request()
  return req
end

done = soap.done
