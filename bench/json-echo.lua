-- wrk -s bench/json-echo.lua: POSTs bench/requests/echo.json to /json/calculator/Echo (the operation in the path).
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local common = dofile(dir .. "soap-common.lua")
local req

function init(args)
  local file = assert(io.open(dir .. "requests/echo.json", "rb"))
  local body = file:read("*a")
  file:close()
  req = wrk.format("POST", "/json/calculator/Echo", { ["Content-Type"] = "application/json" }, body)
end

function request()
  return req
end

done = common.done
