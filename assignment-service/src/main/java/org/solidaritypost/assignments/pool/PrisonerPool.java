package org.solidaritypost.assignments.pool;

import java.util.UUID;

import org.solidaritypost.events.PrisonerChanged;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * The prisoners open for letters, as the registry's events describe them.
 */
@Component
public class PrisonerPool {

	private final AdmitScript admission;

	private final RemoveScript removal;

	private final StringRedisTemplate redis;

	private final JsonMapper json;

	PrisonerPool(AdmitScript admission, RemoveScript removal, StringRedisTemplate redis, JsonMapper json) {
		this.admission = admission;
		this.removal = removal;
		this.redis = redis;
		this.json = json;
	}

	/**
	 * Apply a prisoner's latest state: open for letters enters the pool, anything else
	 * leaves it. An event older than one already applied changes nothing.
	 * @return whether the event was applied
	 */
	public boolean apply(PrisonerChanged prisoner) {
		return apply(prisoner, TopicPosition.NONE);
	}

	/** As {@link #apply(PrisonerChanged)}, for an event read at this topic position. */
	boolean apply(PrisonerChanged prisoner, TopicPosition readAt) {
		return this.admission.admit(prisoner, this.json.writeValueAsString(prisoner), readAt, Fence.NONE);
	}

	/** As {@link #apply(PrisonerChanged)}, by a rebuild while it holds its lease. */
	boolean apply(PrisonerChanged prisoner, Fence fence) {
		return this.admission.admit(prisoner, this.json.writeValueAsString(prisoner), TopicPosition.NONE, fence);
	}

	/**
	 * The prisoner was removed from the registry: no more visitors are sent to them, and
	 * no late event of an older revision brings them back.
	 */
	public void remove(UUID prisonerId) {
		remove(prisonerId, TopicPosition.NONE);
	}

	void remove(UUID prisonerId, TopicPosition readAt) {
		this.removal.remove(prisonerId, readAt, Fence.NONE);
	}

	/** As {@link #remove(UUID)}, by a rebuild while it holds its lease. */
	void remove(UUID prisonerId, Fence fence) {
		this.removal.remove(prisonerId, TopicPosition.NONE, fence);
	}

	public long size() {
		Long size = this.redis.opsForZSet().zCard(PoolKeys.LOAD);
		return (size != null) ? size : 0;
	}

}
