/**
 * The limit counters' Lua scripts: each check-and-reserve is one atomic step in Redis, so any
 * number of decision API processes together never let more through than a limit allows.
 *
 * Per workspace, the keys @sekuire/redis's limit-keys.ts names (calls, cost, leases, held; one
 * hash tag, so a Redis Cluster keeps them on one shard). The hour is rolling at minute
 * resolution: the sum of the last 60 minutes' buckets (readLimitUsage sums them the same way).
 */

const WINDOW = `
local now = tonumber(ARGV[1])
local minute = math.floor(now / 60000)
local oldest = minute - 59
local function window_sum(key)
  local all = redis.call('HGETALL', key)
  local sum = 0
  for i = 1, #all, 2 do
    if tonumber(all[i]) < oldest then redis.call('HDEL', key, all[i])
    else sum = sum + tonumber(all[i + 1]) end
  end
  return sum
end
local function expire_leases()
  local gone = redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', now)
  if #gone > 0 then
    redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now)
    redis.call('HDEL', KEYS[4], unpack(gone))
  end
end
local ttl = 3660000
`;

/**
 * KEYS: calls, cost, leases, held.
 * ARGV: now, mode ("allow" | "ask" | "deny"), maxCalls, maxCost, reserve, maxConcurrent,
 *       leaseMs, decisionId (limits absent = -1).
 * Returns { 1 } when admitted (and counted), or { 0, limitName, current } when refused.
 */
export const ADMIT = `${WINDOW}
local mode = ARGV[2]
local max_calls = tonumber(ARGV[3])
local max_cost = tonumber(ARGV[4])
local reserve = tonumber(ARGV[5])
local max_concurrent = tonumber(ARGV[6])
local lease_ms = tonumber(ARGV[7])
local id = ARGV[8]
if mode ~= 'deny' and max_calls >= 0 then
  local calls = window_sum(KEYS[1])
  if calls >= max_calls then return { 0, 'MaxApiCallsPerHour', calls } end
end
local leased = mode == 'allow' and (max_concurrent >= 0 or max_cost >= 0)
if leased then expire_leases() end
if mode == 'allow' then
  if max_concurrent >= 0 then
    local held = redis.call('ZCARD', KEYS[3])
    if held >= max_concurrent then return { 0, 'MaxConcurrentRequests', held } end
  end
  if max_cost >= 0 then
    local spent = window_sum(KEYS[2])
    if spent + reserve > max_cost or (reserve == 0 and spent >= max_cost) then
      return { 0, 'MaxCostPerHour', spent }
    end
  end
end
if max_calls >= 0 then
  redis.call('HINCRBY', KEYS[1], minute, 1)
  redis.call('PEXPIRE', KEYS[1], ttl)
end
if leased then
  if reserve > 0 then
    redis.call('HINCRBY', KEYS[2], minute, reserve)
    redis.call('PEXPIRE', KEYS[2], ttl)
  end
  redis.call('ZADD', KEYS[3], now + lease_ms, id)
  redis.call('HSET', KEYS[4], id, reserve .. ':' .. minute)
  redis.call('PEXPIRE', KEYS[3], lease_ms + ttl)
  redis.call('PEXPIRE', KEYS[4], lease_ms + ttl)
end
return { 1 }
`;

/**
 * KEYS: calls, cost, leases, held.  ARGV: now, decisionId, actual micro-USD (-1 = not reported).
 * Releases the lease and settles the reservation against the actual cost in the minute it was
 * reserved (when that minute is still in the window). Returns 1 when a lease was held, else 0.
 */
export const COMPLETE = `${WINDOW}
local id = ARGV[2]
local actual = tonumber(ARGV[3])
local entry = redis.call('HGET', KEYS[4], id)
if not entry then return 0 end
redis.call('ZREM', KEYS[3], id)
redis.call('HDEL', KEYS[4], id)
local sep = string.find(entry, ':')
local reserved = tonumber(string.sub(entry, 1, sep - 1))
local at = tonumber(string.sub(entry, sep + 1))
if actual >= 0 and at >= oldest and actual ~= reserved then
  redis.call('HINCRBY', KEYS[2], at, actual - reserved)
  redis.call('PEXPIRE', KEYS[2], ttl)
end
return 1
`;
