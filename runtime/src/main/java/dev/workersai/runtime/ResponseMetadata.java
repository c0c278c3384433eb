package dev.workersai.runtime;

import java.util.Optional;

/**
 * What the response said about itself besides its body.
 *
 * @param httpStatus the HTTP status
 * @param rayId the {@code cf-ray} header, if any
 * @param gatewayCacheStatus AI Gateway's {@code cf-aig-cache-status} ({@code HIT}/{@code MISS}), if any
 * @param gatewayLogId AI Gateway's {@code cf-aig-log-id}, if any
 */
public record ResponseMetadata(
    int httpStatus, Optional<String> rayId, Optional<String> gatewayCacheStatus, Optional<String> gatewayLogId) {}
