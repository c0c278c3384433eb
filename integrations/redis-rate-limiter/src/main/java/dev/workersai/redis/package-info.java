/**
 * A {@link dev.workersai.runtime.RateLimiter} whose per-model buckets live in Redis, so every JVM
 * calling Workers AI for one account shares them: {@link dev.workersai.redis.RedisRateLimiter}.
 */
package dev.workersai.redis;
