-- wrk: the first contact of 20,000 firewalls, each pulling its feed once (customers 5, 10, ..., 100000,
-- spread over every partner), in order. Run with -t2: each thread takes every other feed and stops
-- once it has its 10,000 answers, so the rate wrk reports is the rate of first deliveries.
local threads = 0
function setup(thread)
  thread:set("offset", threads)
  threads = threads + 1
end
function init(args)
  sent = 0
  answered = 0
end
request = function()
  local n = offset + 2 * sent
  sent = sent + 1
  return wrk.format("GET", string.format("/feeds/bench-feed-token-%010d", 5 * ((n % 20000) + 1)))
end
response = function(status, headers, body)
  answered = answered + 1
  if answered >= 10000 then
    wrk.thread:stop()
  end
end
