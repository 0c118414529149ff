-- Record a reported card once per assignment: from the report itself and again from the card topic, which
-- is the durable record; whichever comes second changes nothing.
-- KEYS: 1 the reports of the assignments issued on the assignment's day (hash), 2 load (zset), 3 pending (zset),
--       4 cards (hash), 5 applied offsets (hash), 6 the marker of a complete pool (string), 7 card units (hash)
-- ARGV: 1 assignment id, 2 prisoner id, 3 item, 4 reported at (ms), 5 topic partition ('' when not read from
--       the topic), 6 its offset, 7 units per whole card
-- The day's hash has no time to live: Redis's eviction policy (volatile-ttl) may evict only keys that have
-- one, and a forgotten report would be counted again. Its field '~until' is the latest time until which one of its
-- assignments can be reported: ReportedCards deletes the day only after that.
-- Returns {outcome, item, reported at, cards}; outcome REPORTED, ALREADY, APPLIED (this offset was applied
-- before) or REBUILDING (the counts are being rebuilt from the topic, which has this report or will); or
-- {'GAP', offset stored}: Redis lost events this consumer applied (an older snapshot, a replica behind its primary),
-- which are replayed from the offset stored before this one is applied.
if redis.call('EXISTS', KEYS[6]) == 0 then
	return { 'REBUILDING' }
end
if ARGV[5] ~= '' then
	local applied = tonumber(redis.call('HGET', KEYS[5], ARGV[5]) or '-1')
	if applied < tonumber(ARGV[8]) then
		return { 'GAP', tostring(applied) }
	end
	if tonumber(ARGV[6]) <= applied then
		return { 'APPLIED' }
	end
	redis.call('HSET', KEYS[5], ARGV[5], ARGV[6])
end
local prisoner = ARGV[2]
local earlier = redis.call('HGET', KEYS[1], ARGV[1])
if earlier then
	local item, at = string.match(earlier, '^([^|]+)|(.+)$')
	return { 'ALREADY', item, at, redis.call('HGET', KEYS[4], prisoner) or '0' }
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3] .. '|' .. ARGV[4])
if tonumber(redis.call('HGET', KEYS[1], '~until') or '0') < tonumber(ARGV[9]) then
	redis.call('HSET', KEYS[1], '~until', ARGV[9])
end
-- a pending assignment counted a whole card in the load, and now counts what the card counts for this prisoner
-- (the same in whole cards, less when cards are weighed by delivery); one released meanwhile (or lost with Redis)
-- counts again
local scale = tonumber(ARGV[7])
local unit = tonumber(redis.call('HGET', KEYS[7], prisoner) or ARGV[7])
local change = unit
if redis.call('ZREM', KEYS[3], ARGV[1] .. '|' .. prisoner) == 1 then
	change = unit - scale
end
if change ~= 0 and redis.call('ZSCORE', KEYS[2], prisoner) then
	redis.call('ZINCRBY', KEYS[2], change, prisoner)
end
local cards = redis.call('HINCRBY', KEYS[4], prisoner, 1)
return { 'REPORTED', ARGV[3], ARGV[4], tostring(cards) }
