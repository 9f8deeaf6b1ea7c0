-- wrk: firewalls of many customers polling their feeds, each request a random one of the 20,000
-- feeds bench/run.sh creates (customers 5, 10, ..., 100000, spread over every partner)
math.randomseed(os.time())
request = function()
  local id = 5 * math.random(1, 20000)
  return wrk.format("GET", string.format("/feeds/bench-feed-token-%010d", id))
end
