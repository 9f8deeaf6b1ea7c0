-- wrk: the first contact of the 20,000 firewalls bench/run.sh gives a feed (customers 5, 10, ...,
-- 100000, spread over every partner): each pulls its feed once, in order; run with -t2, each thread
-- takes every other feed. After the last feed it starts over (repeat pulls, no longer first contacts),
-- so a measured run must end before then: 10 s at a few thousand pulls a second does.
local threads = 0
function setup(thread)
  thread:set("offset", threads)
  threads = threads + 1
end
function init(args)
  sent = 0
end
request = function()
  local n = offset + 2 * sent
  sent = sent + 1
  return wrk.format("GET", string.format("/feeds/bench-feed-token-%010d", 5 * ((n % 20000) + 1)))
end
