-- wrk script: POST /api/cases, each request an answered hotline consultation with a new person (valid GB 11643 ID number,
-- phone), as `data bench --url` sends them, from a C load generator that leaves the CPU to the app.
-- Usage: wrk -t2 -c16 -d20s -s bench/cases-create.lua http://127.0.0.1:PORT -- <token> <start>
-- <start>: a number no earlier run used (the ID numbers of region 519800, not a real county, derive from it).
local token, seq, step
local weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 }
local checks = "10X98765432"
local threads = {}
created, failed, first_error = 0, 0, nil

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  token = args[1]
  -- Threads interleave: thread k takes start + k, start + k + T, … (T = 64 is more than wrk will be given).
  seq = tonumber(args[2]) + id
  step = 64
  wrk.method = "POST"
  wrk.path = "/api/cases"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. token
end

local function id_number(n)
  local days = n % 20000
  local t = os.time({ year = 1950, month = 1, day = 1, hour = 12 }) + days * 86400
  local first17 = string.format("519800%s%03d", os.date("%Y%m%d", t), math.floor(n / 20000) % 1000)
  local sum = 0
  for i = 1, 17 do
    sum = sum + tonumber(first17:sub(i, i)) * weights[i]
  end
  local r = sum % 11 + 1
  return first17 .. checks:sub(r, r)
end

function request()
  seq = seq + step
  local n = seq
  local body = string.format(
    '{"type":"Consultation","channel":"Hotline12348","applicant":{"person":{"name":"压测%04d","idNumber":"%s","phone":"137%08d"}},'
      .. '"consultation":{"question":"公司拖欠三个月工资怎么办？","domain":"Labour","answerSummary":"可向劳动人事争议仲裁委员会申请仲裁。","durationMinutes":5}}',
    n % 10000, id_number(n), n % 100000000)
  return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
  if status == 201 then
    created = created + 1
  else
    failed = failed + 1
    if first_error == nil then
      first_error = status .. " " .. string.sub(body, 1, 300)
    end
  end
end

function done(summary, latency, requests)
  local c, f, e = 0, 0, nil
  for _, t in ipairs(threads) do
    c = c + t:get("created")
    f = f + t:get("failed")
    e = e or t:get("first_error")
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("HTTP POST /api/cases (wrk): %d created, %d failed in %.1f s = %.0f cases/s; latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms\n",
    c, f, seconds, c / seconds, latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
  if e then
    io.write("First error: " .. e .. "\n")
  end
end
