-- wrk script for src/test/bench/wrk.sh (issue 20, item 2): one payment creation per request, for one of 100
-- existing customers (created by wrk.sh as W<run>-0 .. W<run>-99), each request with its own Idempotency-Key.
-- METHOD=INVOICE (default: no provider call) or CARD (the simulator is asked; the customer's card token).
local run = os.getenv("RUN") or "0"
local method = os.getenv("METHOD") or "INVOICE"
local key = os.getenv("KEY") or "kontor_test_demo_mueller_webshop"
local threads = {}
local counter = 0

function setup(thread)
  thread:set("thread_id", #threads + 1)
  table.insert(threads, thread)
end

-- thread_id is set by setup() in each thread's own Lua state
function init(args)
  started = os.time() -- keys of the warm-up and of the measured run differ
  math.randomseed(thread_id * 7919 + started)
end

request = function()
  counter = counter + 1
  local customer = math.random(0, 99)
  local amount = 1000 + math.random(0, 189) * 100 + math.random(0, 49) -- never ends in 51..55 (the simulator declines)
  local means = '"paymentMethod": "INVOICE"'
  if method == "CARD" then
    means = '"paymentMethod": "CARD", "card": {"token": "tok_wrk_' .. customer ..
      '", "brand": "VISA", "last4": "4242", "expiryMonth": 12, "expiryYear": 2030}'
  end
  local body = '{"type": "authorization", "customerId": "W' .. run .. '-' .. customer ..
    '", "reference": "WRK-' .. counter .. '", "amount": {"value": ' .. amount .. ', "currency": "EUR"}, ' .. means .. '}'
  return wrk.format("POST", "/api/v1/payments", {
    ["Authorization"] = "Bearer " .. key,
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = "wrk-" .. run .. "-" .. started .. "-" .. thread_id .. "-" .. counter
  }, body)
end

statuses = {}
response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if status ~= 201 and not first_refusal then
    first_refusal = status .. " " .. body
  end
end

function done(summary, latency, requests)
  io.write(string.format("payments: %d requests in %.1f s, %.0f per second\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6)))
  io.write(string.format("latency ms: p50 %.1f, p95 %.1f, p99 %.1f, max %.1f\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("non-2xx or 3xx answers: %d, socket errors: %d connect, %d read, %d write, %d timeout\n",
    summary.errors.status, summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
  local all = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do
      all[status] = (all[status] or 0) + n
    end
    local refusal = thread:get("first_refusal")
    if refusal then
      io.write("a refusal: " .. string.sub(refusal, 1, 300) .. "\n")
    end
  end
  for status, n in pairs(all) do
    io.write(string.format("answered %s: %d\n", status, n))
  end
end
