package org.solidaritypost.content.editing;

import java.util.function.Supplier;

import org.solidaritypost.web.Problems;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

/**
 * How every editor changes content: in one transaction with its audit entry, and once
 * committed the cached public content is cleared, so that this instance shows the change
 * at once and every other instance within the cache's lifetime.
 */
@Component
public class ContentEdits {

	/** Where the editors' API lives. */
	public static final String PATH = "/api/admin/content";

	/** A language code as the content is kept in. */
	public static final String LANGUAGE = "^[a-z]{2}$";

	public static final String LANGUAGE_MESSAGE = "must be a two-letter language code such as ru";

	private final TransactionTemplate transaction;

	private final ContentAudit audit;

	private final CacheManager caches;

	ContentEdits(TransactionTemplate transaction, ContentAudit audit, CacheManager caches) {
		this.transaction = transaction;
		this.audit = audit;
		this.caches = caches;
	}

	/** Runs a change in a transaction, then clears the cached public content. */
	public <T> T edit(Supplier<T> change) {
		T result = this.transaction.execute((status) -> change.get());
		this.caches.getCacheNames().forEach((name) -> {
			Cache cache = this.caches.getCache(name);
			if (cache != null) {
				cache.clear();
			}
		});
		return result;
	}

	/** Audits a change, inside its {@link #edit(Supplier) edit}. */
	public void audit(String actor, String action, String subject, Object details) {
		this.audit.record(actor, action, subject, details);
	}

	public static ErrorResponseException notFound(String what, long id) {
		return Problems.exception(HttpStatus.NOT_FOUND, "Not found", "There is no " + what + " " + id + ".");
	}

}
