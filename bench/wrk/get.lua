-- wrk script: GETs one path, optionally with a cookie and an If-None-Match header. Arguments: path,
-- cookie (may be empty), entity tag (may be empty).
local path, cookie, etag

function init(args)
  path, cookie, etag = args[1], args[2] or "", args[3] or ""
end

function request()
  local headers = {}
  if cookie ~= "" then headers["Cookie"] = cookie end
  if etag ~= "" then headers["If-None-Match"] = etag end
  return wrk.format("GET", path, headers)
end

function done(summary, latency, requests)
  io.write(string.format('WRK-JSON {"requests":%d,"durationUs":%d,"p50Us":%d,"p99Us":%d,"maxUs":%d,"connectErrors":%d,"readErrors":%d,"writeErrors":%d,"statusErrors":%d,"timeouts":%d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency.max,
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.status, summary.errors.timeout))
end
