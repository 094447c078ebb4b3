package org.slbdoctor.artifact.phpfpm;

import org.slbdoctor.artifact.LineRef;

/**
 * A pool's effective settings (the last line of each key wins; null when the pool does not set it,
 * so php-fpm's default applies: {@code pm} has none, {@code request_terminate_timeout} 0 = off).
 *
 * @param maxChildren                     the {@code pm.max_children} value, null when unset or not a number
 * @param requestTerminateTimeoutSeconds  {@code request_terminate_timeout} in seconds (units s, m, h, d; a
 *                                        bare number is seconds; 0 = disabled), null when unset or unreadable
 */
public record PhpFpmPool(String name, LineRef header, PhpFpmSetting pm, PhpFpmSetting maxChildrenSetting,
        Integer maxChildren, PhpFpmSetting requestTerminateTimeoutSetting, Long requestTerminateTimeoutSeconds) {
}
