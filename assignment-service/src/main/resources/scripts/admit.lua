-- Apply a prisoner's latest public state to the pool, ignoring an event older than one already seen.
-- KEYS: 1 load (zset), 2 profiles (hash), 3 revisions (hash), 4 cards (hash), 5 applied offsets (hash),
--       6 card units (hash), 7 birthdays (zset of prisoner by MMDD), 8 the rebuild lock
-- ARGV: 1 prisoner id, 2 revision, 3 profile json ('' for a tombstone), 4 open for letters (1/0),
--       5 cards sent per the registry, 6 random tie-break in [0, 1),
--       7 topic partition ('' when not read from the topic), 8 its offset,
--       9 units per whole card, 10 what one card to this prisoner counts, in units,
--       11 the birthday as MMDD ('' when the registry has none),
--       12 the offset this consumer applied before on the partition (-1 for none known),
--       13 the rebuild's owner ('' when not written by a rebuild)
-- Returns {'APPLIED'}, {'STALE'} (a newer revision was applied before), {'GAP', offset stored}: Redis lost events
-- this consumer applied, which are replayed from the offset stored before this one is applied, or {'FENCED'}: a
-- rebuild whose lease ran out writes nothing.
if ARGV[13] ~= '' and redis.call('GET', KEYS[8]) ~= ARGV[13] then
	return { 'FENCED' }
end
if ARGV[7] ~= '' then
	local applied = tonumber(redis.call('HGET', KEYS[5], ARGV[7]) or '-1')
	if applied < tonumber(ARGV[12]) then
		return { 'GAP', tostring(applied) }
	end
	if tonumber(ARGV[8]) > applied then
		redis.call('HSET', KEYS[5], ARGV[7], ARGV[8])
	end
end
local id = ARGV[1]
local revision = tonumber(ARGV[2])
local known = tonumber(redis.call('HGET', KEYS[3], id) or '-1')
if revision < known then
	return { 'STALE' }
end
redis.call('HSET', KEYS[3], id, ARGV[2])
if ARGV[3] ~= '' then
	redis.call('HSET', KEYS[2], id, ARGV[3])
end
if ARGV[4] == '1' then
	local cards = math.max(tonumber(redis.call('HGET', KEYS[4], id) or '0'), tonumber(ARGV[5]))
	redis.call('HSET', KEYS[4], id, cards)
	local unit = tonumber(ARGV[10])
	local before = tonumber(redis.call('HGET', KEYS[6], id) or ARGV[9])
	if unit == tonumber(ARGV[9]) then
		redis.call('HDEL', KEYS[6], id)
	else
		redis.call('HSET', KEYS[6], id, unit)
	end
	-- a prisoner new to the pool starts at the cards already sent to them, so that the least written are served first
	if redis.call('ZADD', KEYS[1], 'NX', cards * unit + tonumber(ARGV[6]), id) == 0 and unit ~= before then
		-- the institution's delivery rate changed: the cards received are weighed anew
		redis.call('ZINCRBY', KEYS[1], cards * (unit - before), id)
	end
	if ARGV[11] ~= '' then
		redis.call('ZADD', KEYS[7], tonumber(ARGV[11]), id)
	else
		redis.call('ZREM', KEYS[7], id)
	end
else
	redis.call('ZREM', KEYS[1], id)
	redis.call('ZREM', KEYS[7], id)
end
return { 'APPLIED' }
