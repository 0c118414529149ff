package org.solidaritypost.assignments.pool;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The rebuild lock is a lease its owner renews while it rebuilds (every third of it):
 * when the owner dies, another instance takes over within this time, not after the
 * longest rebuild there could be.
 *
 * @param lease how long the lock outlives an owner that stopped renewing it
 */
@ConfigurationProperties("solidarity-post.assignments.rebuild")
record RebuildLease(@DefaultValue("30s") Duration lease) {
}
