-- wrk script: POSTs one PHQ-9 response per request, each with a new random (version 4) clientId
-- like a patient's device makes, so every request is a new submission (a repeated id would be an
-- idempotent replay answering 200, not a recording). Arguments: path, cookie and CSRF token and
-- Origin (the bare baseline gets the same and ignores them), answeredAt, and the pause in milliseconds before each request
-- (0 = flat out), and optionally a file of patients (path, cookie, CSRF token per tab-separated
-- line) to rotate over request by request, as many patients' devices would.
local path, cookie, csrf, origin, answered, pause
local patients = {}
local nextPatient = 0
local answers = '{"phq9_1":"severalDays","phq9_2":"moreThanHalf","phq9_3":"notAtAll","phq9_4":"severalDays","phq9_5":"moreThanHalf","phq9_6":"notAtAll","phq9_7":"severalDays","phq9_8":"moreThanHalf","phq9_9":"notAtAll"}'

function init(args)
  path, cookie, csrf, origin, answered, pause = args[1], args[2], args[3], args[4], args[5], tonumber(args[6] or "0")
  -- Seeded from the kernel: wrk processes started together (one per server in the PostgreSQL runs)
  -- had the same time and nearly the same CPU clock, so they sent the same clientIds, and the second
  -- of each pair was an idempotent replay (200, nothing stored) counted as a recording.
  local random = io.open("/dev/urandom", "rb")
  local a, b, c, d = random:read(4):byte(1, 4)
  random:close()
  math.randomseed(((a * 256 + b) * 256 + c) * 256 + d)
  if args[7] then
    for line in io.lines(args[7]) do
      local p, c, t = line:match("^([^\t]+)\t([^\t]+)\t([^\t]+)$")
      if p then patients[#patients + 1] = { path = p, cookie = c, csrf = t } end
    end
  end
end

local function hex(n)
  local out = {}
  for i = 1, n do out[i] = string.format("%x", math.random(0, 15)) end
  return table.concat(out)
end

local function uuid4()
  return hex(8) .. "-" .. hex(4) .. "-4" .. hex(3) .. "-" .. string.format("%x", math.random(8, 11)) .. hex(3) .. "-" .. hex(12)
end

function request()
  if #patients > 0 then
    nextPatient = nextPatient % #patients + 1
    local patient = patients[nextPatient]
    path, cookie, csrf = patient.path, patient.cookie, patient.csrf
  end
  local headers = { ["Content-Type"] = "application/json" }
  if cookie ~= "" then headers["Cookie"] = cookie end
  if csrf ~= "" then headers["X-CSRF-Token"] = csrf end
  if origin ~= "" then headers["Origin"] = origin end
  local body = '{"formatVersion":1,"clientId":"' .. uuid4() .. '","moduleId":"phq-9","moduleVersion":1,"answers":' .. answers .. ',"completes":true,"answeredAt":"' .. answered .. '"}'
  return wrk.format("POST", path, headers, body)
end

function delay()
  return pause
end

function done(summary, latency, requests)
  io.write(string.format('WRK-JSON {"requests":%d,"durationUs":%d,"p50Us":%d,"p99Us":%d,"maxUs":%d,"connectErrors":%d,"readErrors":%d,"writeErrors":%d,"statusErrors":%d,"timeouts":%d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency.max,
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.status, summary.errors.timeout))
end
