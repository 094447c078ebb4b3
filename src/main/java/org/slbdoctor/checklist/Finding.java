package org.slbdoctor.checklist;

import java.util.List;

/**
 * The result of one check on one instance. {@code missing} names, for UNKNOWN findings, the
 * observation fields (by their API name, e.g. {@code observation:domainIcpFiled}), artifact kinds
 * ({@code artifact:sysctl}) or failed API calls ({@code api:DescribeHealthStatus}) that would decide it.
 */
public record Finding(
        String checkId,
        Status status,
        String title,
        String summary,
        List<Evidence> evidence,
        String resolution,
        String guideSection,
        List<String> missing) {

    public Finding {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        missing = missing == null ? List.of() : List.copyOf(missing);
    }
}
