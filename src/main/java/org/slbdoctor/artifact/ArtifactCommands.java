package org.slbdoctor.artifact;

import java.util.List;

/**
 * How to collect each artifact kind on a backend server: the exact commands an operator runs (shown
 * with a copy button) and a message key explaining them. Commands are shell text, the same in every
 * language; the explanations are translated.
 */
public final class ArtifactCommands {

    /** One way to collect a kind: a shell command and the message key of its one-line explanation. */
    public record Command(String shell, String noteKey) {
    }

    /** A kind with its commands; {@code anchor} is the id the pages link to ({@code artifact-<kind>}). */
    public record KindHelp(ArtifactKind kind, List<Command> commands) {
        public String wireName() {
            return kind.wireName();
        }

        public String anchor() {
            return "artifact-" + kind.wireName();
        }
    }

    public static final List<KindHelp> ALL = List.of(
            new KindHelp(ArtifactKind.SYSCTL, List.of(
                    new Command("sysctl -a 2>/dev/null", "artifacts.cmd.sysctl.all"),
                    new Command("cat /etc/sysctl.conf /etc/sysctl.d/*.conf", "artifacts.cmd.sysctl.conf"))),
            new KindHelp(ArtifactKind.IPTABLES_SAVE, List.of(
                    new Command("sudo iptables-save", "artifacts.cmd.iptables"))),
            new KindHelp(ArtifactKind.NGINX_ERROR_LOG, List.of(
                    new Command("sudo tail -n 2000 /var/log/nginx/error.log", "artifacts.cmd.nginxLog"))),
            new KindHelp(ArtifactKind.PHP_FPM_LOG, List.of(
                    new Command("sudo tail -n 2000 /var/log/php-fpm/error.log", "artifacts.cmd.phpLog.rhel"),
                    new Command("sudo tail -n 2000 /var/log/php8.2-fpm.log", "artifacts.cmd.phpLog.debian"))),
            new KindHelp(ArtifactKind.PHP_FPM_CONF, List.of(
                    new Command("cat /etc/php-fpm.d/www.conf", "artifacts.cmd.phpConf.rhel"),
                    new Command("cat /etc/php/8.2/fpm/pool.d/www.conf", "artifacts.cmd.phpConf.debian"))),
            new KindHelp(ArtifactKind.NGINX_CONF, List.of(
                    new Command("sudo nginx -T", "artifacts.cmd.nginxConf"))),
            new KindHelp(ArtifactKind.SLB_ACCESS_LOG, List.of(
                    new Command("aliyunlog log get_log_all --project=<project> --logstore=<logstore>"
                            + " --from_time=\"2026-01-01 10:00:00+8:00\" --to_time=\"2026-01-01 11:00:00+8:00\""
                            + " --query=\"*\" --jmes-filter=\"join('\\n', map(&to_string(@), @))\" > slb-access.jsonl",
                            "artifacts.cmd.accessLog.cli"),
                    new Command("Log Service console → Logstore → Search (*) → Download logs → CSV",
                            "artifacts.cmd.accessLog.console"))));

    private ArtifactCommands() {
    }
}
