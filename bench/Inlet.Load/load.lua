-- The requests of the load benchmark, for wrk: wrk -s load.lua URL -- <scenario> <members> <run>
--   point-add: the manual's Point add payload (use case 4.1) for a member picked among <members>.
--   point-add-transform: the same requests, to a webhook whose transform passes the body on.
--   mixed:     the manual's five use cases in equal parts, with 10 % filtered out and 5 % invalid requests.
-- <run> makes transaction ids and new customers unique to one wrk run, so no run replays another's purchases.
local scenario, members, run = "point-add", 10000, "r"
local counter = 0
local headers = { ["Content-Type"] = "application/json" }

function init(args)
  scenario = args[1] or scenario
  members = tonumber(args[2]) or members
  run = args[3] or run
  math.randomseed(os.time())
end

local function post(endpoint, body)
  return wrk.format("POST", "/webhooks/custom/demo/" .. endpoint, headers, body)
end

local function point_add(member)
  return post("endpoint1", string.format(
    '{"clientID":"customer-%d","pointstobeadded":"100","reason":"welcome bonus","pointadd":true}', member))
end

local function mixed(member)
  local r = math.random(1, 100)
  counter = counter + 1
  if r <= 10 then -- filtered out: the Point add filter asks for body.pointadd
    return post("endpoint1", string.format('{"clientID":"customer-%d","pointstobeadded":"100","reason":"welcome bonus"}', member))
  elseif r <= 15 then -- invalid: points that are not a number
    return post("endpoint1", string.format('{"clientID":"customer-%d","pointstobeadded":"lots","reason":"welcome bonus","pointadd":true}', member))
  elseif r <= 32 then
    return point_add(member)
  elseif r <= 49 then
    return post("endpoint2", string.format('{"clientID":"customer-%d","pointsub":10,"reason":"reward"}', member))
  elseif r <= 66 then
    return post("endpoint3", string.format(
      '{"clientID":"customer-%d","transaction_id":"T-%s-%d","total":"120.50","checkoutaccept":true}', member, run, counter))
  elseif r <= 83 then
    return post("endpoint4", string.format(
      '{"clientID":"customer-%d","transaction_id":"TI-%s-%d","total":"80","product_id":"SKU-9","subtotal":"40","quantity":"2","checkoutacceptitem":true}',
      member, run, counter))
  else
    return post("optin_labels", string.format(
      '{"customerID":"new-%s-%d","optin_labels":"ana@example.com","first_name":"Ana","last_name":"Lee","labels":"vip,newsletter"}', run, counter))
  end
end

function request()
  local member = math.random(0, members - 1)
  if scenario == "mixed" then
    return mixed(member)
  end
  return point_add(member)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'RESULT {"requests":%d,"durationMicros":%d,"non2xx":%d,"connectErrors":%d,"readErrors":%d,"writeErrors":%d,"timeouts":%d,"p50":%d,"p99":%d,"max":%d}\n',
    summary.requests, summary.duration, e.status, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50), latency:percentile(99), latency.max))
end
