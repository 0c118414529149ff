-- Take back a report whose card-sent event could not be published, so that the visitor can try again.
-- KEYS: 1 assignment (hash), 2 load (zset), 3 cards (hash)
-- ARGV: 1 report time (ms) the report was recorded with
local fields = redis.call('HMGET', KEYS[1], 'prisoner', 'reportedAt')
if not fields[1] or fields[2] ~= ARGV[1] then
	return 0
end
redis.call('HDEL', KEYS[1], 'item', 'reportedAt', 'fromCountry')
redis.call('HINCRBY', KEYS[3], fields[1], -1)
if redis.call('ZSCORE', KEYS[2], fields[1]) then
	redis.call('ZINCRBY', KEYS[2], -1, fields[1])
end
return 1
