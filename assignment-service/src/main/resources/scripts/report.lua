-- Record a reported card once per assignment: from the report itself and again from the card topic, which
-- is the durable record; whichever comes second changes nothing.
-- KEYS: 1 assignment (hash), 2 load (zset), 3 pending (zset), 4 cards (hash), 5 applied offsets (hash),
--       6 the marker of a complete pool (string)
-- ARGV: 1 assignment id, 2 prisoner id, 3 item, 4 reported at (ms), 5 from country ('' if not given),
--       6 the record is kept until (ms), 7 topic partition ('' when not read from the topic), 8 its offset
-- Returns {outcome, item, reported at, cards}; outcome REPORTED, ALREADY, APPLIED (this offset was applied
-- before) or REBUILDING (the counts are being rebuilt from the topic, which has this report or will).
if redis.call('EXISTS', KEYS[6]) == 0 then
	return { 'REBUILDING' }
end
if ARGV[7] ~= '' then
	local applied = tonumber(redis.call('HGET', KEYS[5], ARGV[7]) or '-1')
	if tonumber(ARGV[8]) <= applied then
		return { 'APPLIED' }
	end
	redis.call('HSET', KEYS[5], ARGV[7], ARGV[8])
end
local prisoner = ARGV[2]
local fields = redis.call('HMGET', KEYS[1], 'item', 'reportedAt')
if fields[1] then
	return { 'ALREADY', fields[1], fields[2], redis.call('HGET', KEYS[4], prisoner) or '0' }
end
redis.call('HSET', KEYS[1], 'prisoner', prisoner, 'item', ARGV[3], 'reportedAt', ARGV[4], 'fromCountry', ARGV[5])
if redis.call('PTTL', KEYS[1]) < 0 then
	redis.call('PEXPIREAT', KEYS[1], tonumber(ARGV[6]))
end
-- a pending assignment already counted in the load; one released meanwhile (or lost with Redis) counts again
if redis.call('ZREM', KEYS[3], ARGV[1] .. '|' .. prisoner) == 0 and redis.call('ZSCORE', KEYS[2], prisoner) then
	redis.call('ZINCRBY', KEYS[2], 1, prisoner)
end
local cards = redis.call('HINCRBY', KEYS[4], prisoner, 1)
return { 'REPORTED', ARGV[3], ARGV[4], tostring(cards) }
