package org.slbdoctor.observation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ObservationsJsonTests {

    @Test
    void canonicalJsonIsStableAndRoundTrips() {
        Observations o = Observations.builder().rpFilter(Map.of("eth0", 1, "all", 0, "default", 0))
                .backendCpuPercent(42.0).scope(Observations.Scope.ALL_CLIENTS).build();
        String json = ObservationsJson.canonical(o);
        assertThat(json).contains("\"rpFilter\":{\"all\":0,\"default\":0,\"eth0\":1}").contains("\"notes\":null");
        assertThat(ObservationsJson.fromCanonical(json)).isEqualTo(o);
        assertThat(ObservationsJson.canonical(ObservationsJson.fromCanonical(json))).isEqualTo(json);
    }

    @Test
    void emptyObjectMeansNothingKnown() {
        assertThat(ObservationsJson.parse("{}")).isEqualTo(Observations.NONE);
    }

    @Test
    void integersOnlyWhereTheSchemaSaysInteger() {
        assertThatThrownBy(() -> ObservationsJson.parse("{\"requestHeaderBytes\":4096.0}"))
                .isInstanceOfSatisfying(InvalidObservationsException.class,
                        e -> assertThat(e.errors()).extracting(p -> p.field()).containsExactly("requestHeaderBytes"));
        assertThat(ObservationsJson.parse("{\"requestHeaderBytes\":4096}").requestHeaderBytes()).isEqualTo(4096L);
    }
}
