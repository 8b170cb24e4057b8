package io.lifeline.sla;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The SLA engine.
 *
 * @param tick the resolution of the in-memory timing wheel; default {@link #DEFAULT_TICK}
 * @param wheelSlots slots of the wheel (a power of two); default {@value #DEFAULT_WHEEL_SLOTS}
 * @param horizon how far ahead deadlines are armed in memory; later ones stay in PostgreSQL until they come within
 * it; default {@link #DEFAULT_HORIZON}
 * @param scanInterval how often each node reads the deadlines coming within the horizon (and any overdue: after
 * downtime they fire at start); default {@link #DEFAULT_SCAN_INTERVAL}
 * @param claimBatch how many due deadlines one firing transaction claims; default {@value #DEFAULT_CLAIM_BATCH}
 * @param acknowledge how long a P1 may wait for someone to take it up before it is escalated again; default
 * {@link #DEFAULT_ACKNOWLEDGE}
 * @param rulesCacheTtl how long a node keeps a policy or calendar before reading it again (edits on this node
 * apply at once); default {@link #DEFAULT_RULES_CACHE_TTL}
 * @param retargetBatch tickets per transaction when an edited policy or calendar re-targets running clocks;
 * default {@value #DEFAULT_RETARGET_BATCH}
 */
@ConfigurationProperties("lifeline.sla")
public record SlaProperties(Duration tick, Integer wheelSlots, Duration horizon, Duration scanInterval,
		Integer claimBatch, Duration acknowledge, Duration rulesCacheTtl, Integer retargetBatch) {

	public static final Duration DEFAULT_TICK = Duration.ofMillis(10);

	public static final int DEFAULT_WHEEL_SLOTS = 4096;

	public static final Duration DEFAULT_HORIZON = Duration.ofSeconds(60);

	public static final Duration DEFAULT_SCAN_INTERVAL = Duration.ofSeconds(5);

	public static final int DEFAULT_CLAIM_BATCH = 100;

	public static final Duration DEFAULT_ACKNOWLEDGE = Duration.ofMinutes(15);

	public static final Duration DEFAULT_RULES_CACHE_TTL = Duration.ofSeconds(10);

	public static final int DEFAULT_RETARGET_BATCH = 200;

	public SlaProperties {
		tick = tick == null ? DEFAULT_TICK : tick;
		wheelSlots = wheelSlots == null ? DEFAULT_WHEEL_SLOTS : wheelSlots;
		horizon = horizon == null ? DEFAULT_HORIZON : horizon;
		scanInterval = scanInterval == null ? DEFAULT_SCAN_INTERVAL : scanInterval;
		claimBatch = claimBatch == null ? DEFAULT_CLAIM_BATCH : claimBatch;
		acknowledge = acknowledge == null ? DEFAULT_ACKNOWLEDGE : acknowledge;
		rulesCacheTtl = rulesCacheTtl == null ? DEFAULT_RULES_CACHE_TTL : rulesCacheTtl;
		retargetBatch = retargetBatch == null ? DEFAULT_RETARGET_BATCH : retargetBatch;
	}

}
