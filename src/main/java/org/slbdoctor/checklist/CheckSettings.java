package org.slbdoctor.checklist;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The settings checks read ({@code slbdoctor.checks.*}). */
@ConfigurationProperties("slbdoctor.checks")
public record CheckSettings(@DefaultValue("32768") long headerLimitBytes, @DefaultValue("eth0") String backendInterface) {

    public static final CheckSettings DEFAULTS = new CheckSettings(32768, "eth0");
}
