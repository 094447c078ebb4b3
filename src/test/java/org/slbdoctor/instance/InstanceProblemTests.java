package org.slbdoctor.instance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slbdoctor.slb.SlbApiException;
import org.slbdoctor.slb.SlbApiException.Kind;

/** API.md: 422 when the SLB API says the instance does not exist, 502 for every other failure, always with code. */
class InstanceProblemTests {

    @ParameterizedTest
    @CsvSource({
        "NOT_FOUND, InvalidLoadBalancerId.NotFound, 422",
        "BAD_CREDENTIALS, InvalidAccessKeyId.NotFound, 502",
        "BAD_CREDENTIALS, SignatureDoesNotMatch, 502",
        "RAM_DENIED, Forbidden.RAM, 502",
        "THROTTLED, Throttling.User, 502",
        "UNAVAILABLE, ServiceUnavailable, 502",
        "TIMEOUT, SDK.ReadTimeout, 502",
        "UNREACHABLE, SDK.ServerUnreachable, 502",
        "MALFORMED_RESPONSE, SDK.MalformedResponse, 502",
        "OTHER, InvalidParameter, 502"})
    void statusAndCodeFollowTheKind(Kind kind, String code, int status) {
        InstanceProblem p = InstanceProblem.fromApi(new SlbApiException(kind, code, null,
                "DescribeLoadBalancerAttribute", "failed", null, null));
        assertThat(p.getStatusCode().value()).isEqualTo(status);
        assertThat(p.getBody().getStatus()).isEqualTo(status);
        assertThat(p.getBody().getProperties()).containsEntry("code", code);
        assertThat(p.getBody().getTitle()).isNotBlank();
        assertThat(p.getBody().getDetail()).isNotBlank();
    }
}
