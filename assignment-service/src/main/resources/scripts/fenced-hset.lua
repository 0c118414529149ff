-- Writes fields of a hash for a rebuild of the pool, only while the writer holds the rebuild lease: an owner whose
-- lease ran out (a long pause) while another instance took over writes nothing.
-- KEYS: 1 the rebuild lock, 2 the hash
-- ARGV: 1 the owner, 2.. field, value, field, value...
-- Returns 1 when written, 0 when the lease is not the writer's.
if redis.call('GET', KEYS[1]) ~= ARGV[1] then
	return 0
end
redis.call('HSET', KEYS[2], unpack(ARGV, 2))
return 1
