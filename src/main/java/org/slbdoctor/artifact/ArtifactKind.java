package org.slbdoctor.artifact;

import java.util.Arrays;
import java.util.Optional;

/** The artifact kinds of API.md, by their wire names. */
public enum ArtifactKind {
    SYSCTL("sysctl"),
    IPTABLES_SAVE("iptables-save"),
    NGINX_ERROR_LOG("nginx-error-log"),
    PHP_FPM_LOG("php-fpm-log"),
    PHP_FPM_CONF("php-fpm-conf"),
    NGINX_CONF("nginx-conf"),
    SLB_ACCESS_LOG("slb-access-log");

    private final String wireName;

    ArtifactKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ArtifactKind> fromWireName(String name) {
        return Arrays.stream(values()).filter(k -> k.wireName.equals(name)).findFirst();
    }
}
