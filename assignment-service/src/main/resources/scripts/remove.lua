-- Take a prisoner removed from the registry out of the pool for good: no later event of an older revision brings
-- them back. Their profile and card count stay, for the visitors' lists of assignments made before.
-- KEYS: 1 load (zset), 2 revisions (hash), 3 applied offsets (hash), 4 birthdays (zset), 5 the rebuild lock
-- ARGV: 1 prisoner id, 2 topic partition ('' when not read from the topic), 3 its offset,
--       4 the offset this consumer applied before on the partition (-1 for none known),
--       5 the rebuild's owner ('' when not written by a rebuild)
-- Returns {'APPLIED'}, {'GAP', offset stored} or {'FENCED'}, as admit.lua.
if ARGV[5] ~= '' and redis.call('GET', KEYS[5]) ~= ARGV[5] then
	return { 'FENCED' }
end
if ARGV[2] ~= '' then
	local applied = tonumber(redis.call('HGET', KEYS[3], ARGV[2]) or '-1')
	if applied < tonumber(ARGV[4]) then
		return { 'GAP', tostring(applied) }
	end
	if tonumber(ARGV[3]) > applied then
		redis.call('HSET', KEYS[3], ARGV[2], ARGV[3])
	end
end
-- the highest revision there is: admit.lua ignores every event older than the one it knows
redis.call('HSET', KEYS[2], ARGV[1], '9223372036854775807')
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('ZREM', KEYS[4], ARGV[1])
return { 'APPLIED' }
