-- Draw the next prisoner for a visitor, atomically: the least loaded prisoner in the pool that this visitor
-- has not been given recently; ties are broken by a random fraction stored in the score.
-- A prisoner's load is the integer part of its score: cards reported plus assignments still pending, in units of
-- ARGV[11] per whole card (1; 100 when cards are weighed by their delivery rate, see admit.lua and report.lua).
-- Nothing in Redis belongs to one draw beyond its pending time: the assignment's facts travel in its signed id,
-- the address as issued is kept once per address (not per draw), and the visitor's keys expire.
-- KEYS: 1 load (zset), 2 profiles (hash), 3 pending (zset of "assignment|prisoner" by count-until time),
--       4 the visitor's recent prisoners (list), 5 addresses as issued (hash), 6 cards (hash),
--       7 the marker of a complete pool (string), 8 the visitor's assignments (list, newest first, of
--       "assignment|prisoner|issued at|expires at|address fingerprint"), 9 birthdays (zset of prisoner by MMDD),
--       10 birthday cards (zset of "prisoner|year" by assignments given for that birthday)
-- ARGV: 1 now (ms), 2 assignment id, 3 pending counts until (ms), 4 report window ends (ms),
--       5 the visitor's assignments kept for (ms), 6 visitor memory (count), 7 visitor memory kept for (ms),
--       8 random tie-break in [0, 1), 9 most expired pending assignments to release in this call,
--       10 how many assignments a visitor's list keeps, 11 units per whole card,
--       12 for a birthday draw the window's first day (MMDD), '' otherwise, 13 its last day (MMDD, smaller than
--       the first when the window runs over the new year), 14 the year of birthdays from the first day on,
--       15 the year after the new year
-- Returns {prisoner, profile, cards, fingerprint of the address issued} or {} or {'REBUILDING'} or {'NO_BIRTHDAY'}.
-- a pool that is being rebuilt would hand out unfairly
if redis.call('EXISTS', KEYS[7]) == 0 then
	return { 'REBUILDING' }
end
local now = tonumber(ARGV[1])
local scale = tonumber(ARGV[11])

-- assignments never reported stop counting; released a few at a time so that a draw stays cheap
local expired = redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', now, 'LIMIT', 0, tonumber(ARGV[9]))
for _, member in ipairs(expired) do
	redis.call('ZREM', KEYS[3], member)
	local prisoner = string.match(member, '|(.+)$')
	local score = redis.call('ZSCORE', KEYS[1], prisoner)
	if score and tonumber(score) >= scale then
		redis.call('ZINCRBY', KEYS[1], -scale, prisoner)
	end
end

local memory = tonumber(ARGV[6])
local recent = redis.call('LRANGE', KEYS[4], 0, memory - 1)
local seen = {}
for _, id in ipairs(recent) do
	seen[id] = true
end
local chosen = nil
if ARGV[12] ~= '' then
	-- a birthday draw: among the prisoners in the pool whose birthday falls in the window, the one given for
	-- that birthday the fewest times, ties broken at random (a hash of the id and this draw's random fraction)
	local from, to = tonumber(ARGV[12]), tonumber(ARGV[13])
	local ranges = (from <= to) and { { from, to } } or { { from, 1231 }, { 101, to } }
	local best, fewest, lowest, bestYear = nil, nil, nil, nil
	for _, range in ipairs(ranges) do
		local found = redis.call('ZRANGEBYSCORE', KEYS[9], range[1], range[2], 'WITHSCORES')
		for i = 1, #found, 2 do
			local id = found[i]
			if redis.call('ZSCORE', KEYS[1], id) then
				local year = (tonumber(found[i + 1]) >= from) and ARGV[14] or ARGV[15]
				local given = tonumber(redis.call('ZSCORE', KEYS[10], id .. '|' .. year) or '0')
				-- a prisoner the visitor had recently comes after every other
				if seen[id] then
					given = given + 1000000
				end
				local tie = redis.sha1hex(id .. ARGV[8])
				if not best or given < fewest or (given == fewest and tie < lowest) then
					best, fewest, lowest, bestYear = id, given, tie, year
				end
			end
		end
	end
	if not best then
		return { 'NO_BIRTHDAY' }
	end
	chosen = best
	redis.call('ZINCRBY', KEYS[10], 1, chosen .. '|' .. bestYear)
else
	-- among the (memory + 1) least loaded at least one was not seen recently, unless the pool is that small
	local candidates = redis.call('ZRANGE', KEYS[1], 0, #recent)
	if #candidates == 0 then
		return {}
	end
	for _, id in ipairs(candidates) do
		if not seen[id] then
			chosen = id
			break
		end
	end
	if not chosen then
		-- the visitor has seen the whole pool: never the very last one again if there is another
		chosen = candidates[1]
		if chosen == recent[1] and #candidates > 1 then
			chosen = candidates[2]
		end
	end
end

local load = math.floor(tonumber(redis.call('ZSCORE', KEYS[1], chosen)))
redis.call('ZADD', KEYS[1], load + scale + tonumber(ARGV[8]), chosen)
redis.call('ZADD', KEYS[3], tonumber(ARGV[3]), ARGV[2] .. '|' .. chosen)
local profile = redis.call('HGET', KEYS[2], chosen)
-- the address as issued, so that a visitor coming back learns that the prisoner was moved meanwhile: its
-- fingerprint goes into the signed id, the address itself is kept once for every draw that issued it
local decoded = cjson.decode(profile)
local address = ''
if type(decoded.address) == 'table' and type(decoded.address.lines) == 'table' then
	address = table.concat(decoded.address.lines, '\n')
end
local fingerprint = string.sub(redis.sha1hex(address), 1, 8)
redis.call('HSETNX', KEYS[5], chosen .. '|' .. fingerprint, address)
redis.call('LPUSH', KEYS[8], table.concat({ ARGV[2], chosen, ARGV[1], ARGV[4], fingerprint }, '|'))
redis.call('LTRIM', KEYS[8], 0, tonumber(ARGV[10]) - 1)
redis.call('PEXPIRE', KEYS[8], tonumber(ARGV[5]))
redis.call('LPUSH', KEYS[4], chosen)
redis.call('LTRIM', KEYS[4], 0, memory - 1)
redis.call('PEXPIRE', KEYS[4], tonumber(ARGV[7]))
return { chosen, profile, redis.call('HGET', KEYS[6], chosen) or '0', fingerprint }
