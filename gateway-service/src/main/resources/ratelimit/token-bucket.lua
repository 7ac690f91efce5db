-- One token bucket, taken from atomically (Redis runs a script alone, so concurrent gateways never race).
-- KEYS[1] the bucket; ARGV[1] capacity; ARGV[2] tokens added back per second.
-- Returns {allowed (1|0), whole tokens left, ms until one token is back (0 when allowed), ms until the bucket is full}.
-- The bucket is one string "<tokens> <millis>", read with GET and written with SET PX: as few commands as the
-- algorithm allows, since this runs on every request. Redis' own clock is used, so all gateway instances agree.
local capacity = tonumber(ARGV[1])
local perMs = tonumber(ARGV[2]) / 1000
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)

local tokens = capacity
local state = redis.call('GET', KEYS[1])
if state then
  local space = string.find(state, ' ', 1, true)
  local stored = tonumber(string.sub(state, 1, space - 1))
  local at = tonumber(string.sub(state, space + 1))
  tokens = math.min(capacity, stored + math.max(0, now - at) * perMs)
end

local allowed = 0
local retryMs = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
else
  retryMs = math.ceil((1 - tokens) / perMs)
end
local fullMs = math.ceil((capacity - tokens) / perMs)

-- A bucket that would be full again holds no information: Redis forgets it then.
redis.call('SET', KEYS[1], string.format('%.6f %d', tokens, now), 'PX', fullMs + 1000)
return {allowed, math.floor(tokens), retryMs, fullMs}
