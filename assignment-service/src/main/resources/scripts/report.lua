-- Record "I sent my card" once per assignment.
-- KEYS: 1 assignment (hash), 2 load (zset), 3 pending (zset), 4 cards (hash)
-- ARGV: 1 now (ms), 2 assignment id, 3 item, 4 from country ('' if not given)
-- Returns {outcome, prisoner, item, reportedAt, cards} with outcome REPORTED, ALREADY, EXPIRED or UNKNOWN.
local fields = redis.call('HMGET', KEYS[1], 'prisoner', 'expiresAt', 'item', 'reportedAt')
local prisoner = fields[1]
if not prisoner then
	return { 'UNKNOWN' }
end
if fields[3] then
	return { 'ALREADY', prisoner, fields[3], fields[4], redis.call('HGET', KEYS[4], prisoner) or '0' }
end
local now = tonumber(ARGV[1])
if now > tonumber(fields[2]) then
	return { 'EXPIRED', prisoner }
end
redis.call('HSET', KEYS[1], 'item', ARGV[3], 'reportedAt', now, 'fromCountry', ARGV[4])
-- a pending assignment already counted in the load; one released meanwhile must count again
if redis.call('ZREM', KEYS[3], ARGV[2] .. '|' .. prisoner) == 0 and redis.call('ZSCORE', KEYS[2], prisoner) then
	redis.call('ZINCRBY', KEYS[2], 1, prisoner)
end
local cards = redis.call('HINCRBY', KEYS[4], prisoner, 1)
return { 'REPORTED', prisoner, ARGV[3], tostring(now), tostring(cards) }
