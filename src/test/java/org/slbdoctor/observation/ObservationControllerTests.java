package org.slbdoctor.observation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slbdoctor.SharedApplicationTest;
import org.slbdoctor.instance.SlbInstance;
import org.slbdoctor.instance.SlbInstanceRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SharedApplicationTest
class ObservationControllerTests {

    private static final String LB = "lb-bp1obs0000000000000001";
    private static final String URL = "/api/instances/" + LB + "/observations";
    private static final RequestPostProcessor OPERATOR = user("olga").roles("OPERATOR");
    private static final RequestPostProcessor VIEWER = user("vic").roles("VIEWER");

    @Autowired
    MockMvc mvc;

    @Autowired
    SlbInstanceRepository instances;

    @Autowired
    ObservationService service;

    @Autowired
    JdbcTemplate jdbc;

    long instanceId;

    @BeforeEach
    void registerInstance() {
        jdbc.update("DELETE FROM observation_set");
        instances.findByLoadBalancerId(LB).ifPresent(instances::delete);
        instanceId = instances.save(new SlbInstance(LB, "cn-hangzhou", Instant.now(), "admin")).getId();
    }

    @Test
    void unknownInstanceIs404Problem() throws Exception {
        mvc.perform(get("/api/instances/lb-nope/observations").with(VIEWER))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404));
        mvc.perform(put("/api/instances/lb-nope/observations").with(OPERATOR)
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isNotFound());
    }

    @Test
    void beforeAnyObservationEverythingIsUnknown() throws Exception {
        mvc.perform(get(URL).with(VIEWER))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist(ObservationController.VERSION_HEADER))
                .andExpect(jsonPath("$.scope").doesNotExist())
                .andExpect(jsonPath("$.backendCpuPercent").doesNotExist());
        assertThat(service.current(instanceId)).isEqualTo(CurrentObservations.NONE);
    }

    @Test
    void putReplacesAndEveryPutIsANewVersion() throws Exception {
        mvc.perform(put(URL).with(OPERATOR).contentType(MediaType.APPLICATION_JSON).content("""
                        {"observedStatusCodes":[502,504],"pattern":"INTERMITTENT","scope":"SOME_CLIENTS",
                         "reproducesFromOtherProvider":false,"domainIcpFiled":true,"rpFilter":{"all":0,"eth0":1},
                         "backendCpuPercent":85,"appMaxResponseSeconds":12.5,"requestHeaderBytes":4096,
                         "directToBackendResult":"OK","notes":"502 since 09:40, only from the office network"}"""))
                .andExpect(status().isOk())
                .andExpect(header().string(ObservationController.VERSION_HEADER, "1"))
                .andExpect(jsonPath("$.observedStatusCodes", containsInAnyOrder(502, 504)))
                .andExpect(jsonPath("$.scope").value("SOME_CLIENTS"))
                .andExpect(jsonPath("$.rpFilter.eth0").value(1))
                .andExpect(jsonPath("$.backendCpuPercent").value(85.0))
                .andExpect(jsonPath("$.requestHeaderBytes").value(4096));

        mvc.perform(put(URL).with(OPERATOR).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"phpFpmRunning\":false,\"scope\":null}"))
                .andExpect(status().isOk())
                .andExpect(header().string(ObservationController.VERSION_HEADER, "2"))
                .andExpect(jsonPath("$.phpFpmRunning").value(false))
                .andExpect(jsonPath("$.domainIcpFiled").doesNotExist());

        mvc.perform(get(URL).with(VIEWER))
                .andExpect(status().isOk())
                .andExpect(header().string(ObservationController.VERSION_HEADER, "2"))
                .andExpect(jsonPath("$.phpFpmRunning").value(false));

        CurrentObservations current = service.current(instanceId);
        assertThat(current.version()).isEqualTo(2);
        assertThat(current.createdBy()).isEqualTo("olga");
        assertThat(current.observations().phpFpmRunning()).isFalse();
        Observations first = service.version(instanceId, 1).orElseThrow().observations();
        assertThat(first.scope()).isEqualTo(Observations.Scope.SOME_CLIENTS);
        assertThat(first.rpFilter()).containsEntry("eth0", 1).containsEntry("all", 0);
        assertThat(first.appMaxResponseSeconds()).isEqualTo(12.5);
        assertThat(first.notes()).isEqualTo("502 since 09:40, only from the office network");
    }

    @Test
    void everyBadFieldIsListed() throws Exception {
        String longNotes = "x".repeat(10_001);
        mvc.perform(put(URL).with(OPERATOR).contentType(MediaType.APPLICATION_JSON).content("""
                        {"backendCpuPercent":101,"backendBandwidthPercent":-1,"scope":"all_clients",
                         "domainIcpFiled":"true","rpFilter":{"eth0":3,"bad iface":0},"observedStatusCodes":[502,404],
                         "requestHeaderBytes":1.5,"appMaxResponseSeconds":-0.1,"notes":"%s","pattern":7,
                         "favouriteColour":"blue"}""".formatted(longNotes)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.title").exists())
                .andExpect(jsonPath("$.detail").exists())
                // one entry per field of the schema, by its name; the message says which entries are wrong
                .andExpect(jsonPath("$.errors", hasSize(11)))
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("backendCpuPercent",
                        "backendBandwidthPercent", "scope", "domainIcpFiled", "rpFilter",
                        "observedStatusCodes", "requestHeaderBytes", "appMaxResponseSeconds", "notes", "pattern",
                        "favouriteColour")))
                .andExpect(jsonPath("$.errors[?(@.field=='rpFilter')].message").value(org.hamcrest.Matchers.contains(
                        org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("eth0: must be 0, 1 or 2"),
                                org.hamcrest.Matchers.containsString("bad iface: ")))))
                .andExpect(jsonPath("$.errors[?(@.field=='observedStatusCodes')].message").value(
                        org.hamcrest.Matchers.contains(org.hamcrest.Matchers.containsString("404"))))
                .andExpect(jsonPath("$.errors[?(@.field=='backendCpuPercent')].message").value("must be between 0 and 100"))
                .andExpect(jsonPath("$.errors[?(@.field=='favouriteColour')].message").value("unknown field"));
        assertThat(service.current(instanceId).version()).isNull();
    }

    @Test
    void aFieldWithSeveralBadEntriesIsListedOnce() throws Exception {
        mvc.perform(put(URL).with(OPERATOR).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"observedStatusCodes\":[200,502,\"504\"],\"rpFilter\":{\"eth0\":3,\"lo\":-1}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors", hasSize(2)))
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("observedStatusCodes", "rpFilter")));
    }

    @Test
    void unknownFieldAloneIsRejected() throws Exception {
        mvc.perform(put(URL).with(OPERATOR).contentType(MediaType.APPLICATION_JSON).content("{\"backendCPU\":50}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("backendCPU"));
    }

    @Test
    void wrongTypesAreRejected() throws Exception {
        mvc.perform(put(URL).with(OPERATOR).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"phpFpmRunning\":1,\"backendCpuPercent\":\"50\",\"rpFilter\":[0],\"notes\":5}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field",
                        containsInAnyOrder("phpFpmRunning", "backendCpuPercent", "rpFilter", "notes")));
    }

    @Test
    void malformedOrNonObjectBodiesAre400() throws Exception {
        mvc.perform(put(URL).with(OPERATOR).contentType(MediaType.APPLICATION_JSON).content("{\"scope\":"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(put(URL).with(OPERATOR).contentType(MediaType.APPLICATION_JSON).content("[1,2]"))
                .andExpect(status().isBadRequest());
        mvc.perform(put(URL).with(OPERATOR).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"scope\":\"ALL_CLIENTS\",\"scope\":\"SOME_CLIENTS\"}"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void boundaryValuesAndNullsAreAccepted() throws Exception {
        mvc.perform(put(URL).with(OPERATOR).contentType(MediaType.APPLICATION_JSON).content("""
                        {"backendCpuPercent":0,"backendBandwidthPercent":100,"requestHeaderBytes":0,
                         "appMaxResponseSeconds":0,"rpFilter":{"eth0.100":2,"all":0},"observedStatusCodes":[],
                         "notes":"%s","layer4SwitchResult":null}""".formatted("说".repeat(10_000))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rpFilter['eth0.100']").value(2));
    }

    @Test
    void viewersCannotWrite() throws Exception {
        mvc.perform(put(URL).with(VIEWER).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void removingTheInstanceRemovesItsObservations() throws Exception {
        mvc.perform(put(URL).with(OPERATOR).contentType(MediaType.APPLICATION_JSON).content("{\"scope\":\"ALL_CLIENTS\"}"))
                .andExpect(status().isOk());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM observation_set", Integer.class)).isEqualTo(1);
        jdbc.update("DELETE FROM slb_instance WHERE id = ?", instanceId);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM observation_set", Integer.class)).isZero();
    }
}
