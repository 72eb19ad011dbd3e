-- wrk -s bench/soap-svc-echo.lua: POSTs bench/requests/svc-echo.xml as SOAP 1.1 to /Calculator.svc
-- (the WCF-contract calculator: SoapCore, or the sample app's twin).
local soap = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "soap-common.lua")
local req

function init(args)
  req = soap.request("svc-echo")
end

function request()
  return req
end

done = soap.done
