package org.slbdoctor.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slbdoctor.slb.sandbox.SandboxFault;
import org.slbdoctor.slb.sandbox.SandboxFaults;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Registration and import through REST, the real SDK and the sandbox. */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:instanceapi;DB_CLOSE_DELAY=-1",
        "slbdoctor.sandbox.enabled=true", "slbdoctor.aliyun.backoff-base=5ms", "slbdoctor.aliyun.backoff-max=20ms"})
@AutoConfigureMockMvc
@WithMockUser(username = "olga", roles = "OPERATOR")
class InstanceApiTests {

    static final String HEALTHY = "lb-bp1hz0healthy7k2m9q4x1";

    @Autowired
    MockMvc mvc;

    @Autowired
    SlbInstanceRepository instances;

    @Autowired
    SandboxFaults faults;

    @BeforeEach
    void clean() {
        instances.deleteAll();
        faults.reset();
        faults.resetCalls();
    }

    ResultActions register(String region, String id) throws Exception {
        return mvc.perform(post("/api/instances").contentType(MediaType.APPLICATION_JSON)
                .content("{\"regionId\":\"" + region + "\",\"loadBalancerId\":\"" + id + "\"}"));
    }

    @Test
    void registersAnExistingInstanceWithItsNameFromTheApi() throws Exception {
        register("cn-hangzhou", HEALTHY).andExpect(status().isCreated())
                .andExpect(header().string("Location", "http://localhost/api/instances/" + HEALTHY))
                .andExpect(jsonPath("$.loadBalancerId").value(HEALTHY))
                .andExpect(jsonPath("$.regionId").value("cn-hangzhou"))
                .andExpect(jsonPath("$.name").value("生产环境-华东"))
                .andExpect(jsonPath("$.address").value("47.98.12.34"))
                .andExpect(jsonPath("$.addressType").value("internet"))
                .andExpect(jsonPath("$.networkType").value("vpc"))
                .andExpect(jsonPath("$.status").value("active"))
                .andExpect(jsonPath("$.registeredAt").isNotEmpty())
                .andExpect(jsonPath("$.lastDiagnosis").isEmpty());
        SlbInstance stored = instances.findByLoadBalancerId(HEALTHY).orElseThrow();
        assertThat(stored.getName()).isEqualTo("生产环境-华东");
        assertThat(stored.getRegisteredBy()).isEqualTo("olga");

        mvc.perform(get("/api/instances/" + HEALTHY)).andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("生产环境-华东"))
                .andExpect(jsonPath("$.snapshot").isEmpty());
    }

    @Test
    void malformedIdOrRegionIs400WithTheFields() throws Exception {
        register("cn-hangzhou", "i-bp1notanlb").andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("loadBalancerId"));
        register("Hangzhou!", "lb-").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("regionId")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("loadBalancerId")));
        for (String malformed : new String[] {"lb-", "lb-abc", "LB-BP1ABCDEFGH", "lb-bp1 abcdefgh", "lb--bp1abcdefgh",
                "lb-bp1abcdefgh-", "lb-../../etc", "bp1abcdefghijk"}) {
            register("cn-hangzhou", malformed).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("loadBalancerId"));
        }
        assertThat(faults.calls()).isEmpty();
        // well-formed ids with inner hyphens (as test fixtures and other tools name them) reach the SLB API
        register("cn-hangzhou", "lb-test-healthy-01").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("InvalidLoadBalancerId.NotFound"));
        assertThat(instances.count()).isZero();
    }

    @Test
    void duplicateIs409() throws Exception {
        register("cn-hangzhou", HEALTHY).andExpect(status().isCreated());
        register("cn-hangzhou", HEALTHY).andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(instances.count()).isOne();
    }

    @Test
    void unknownInstanceOrRegionIs422WithTheCode() throws Exception {
        register("cn-hangzhou", "lb-bp1nosuchinstance000000").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("InvalidLoadBalancerId.NotFound"))
                .andExpect(jsonPath("$.requestId").isNotEmpty());
        // exists, but in another region
        register("cn-hongkong", HEALTHY).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("InvalidLoadBalancerId.NotFound"));
        register("xx-nowhere-1", HEALTHY).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("UnknownRegion"));
        assertThat(instances.count()).isZero();
    }

    @Test
    void apiFailuresAre502WithTheCodeAndNothingIsStored() throws Exception {
        faults.inject("DescribeLoadBalancerAttribute", SandboxFault.SERVICE_UNAVAILABLE);
        register("cn-hangzhou", HEALTHY).andExpect(status().isBadGateway())
                .andExpect(jsonPath("$.code").value("ServiceUnavailable"));
        faults.inject("DescribeLoadBalancerAttribute", SandboxFault.FORBIDDEN_RAM);
        register("cn-hangzhou", HEALTHY).andExpect(status().isBadGateway())
                .andExpect(jsonPath("$.code").value("Forbidden.RAM"));
        faults.inject("DescribeLoadBalancerAttribute", SandboxFault.UNCLOSED_JSON);
        register("cn-hangzhou", HEALTHY).andExpect(status().isBadGateway())
                .andExpect(jsonPath("$.code").value("SDK.MalformedResponse"));
        faults.clear("DescribeLoadBalancerAttribute");
        faults.throttleNextCalls(100);
        register("cn-hangzhou", HEALTHY).andExpect(status().isBadGateway())
                .andExpect(jsonPath("$.code").value("Throttling.User"));
        assertThat(instances.count()).isZero();
    }

    @Test
    @WithMockUser(roles = "VIEWER")
    void viewersCannotRegister() throws Exception {
        register("cn-hangzhou", HEALTHY).andExpect(status().isForbidden());
        mvc.perform(get("/api/instances")).andExpect(status().isOk());
    }

    @Test
    void everyEndpointAnswersAnUnregisteredIdWithTheSameProblem() throws Exception {
        String id = "lb-bp1notregistered00000";
        String base = "/api/instances/" + id;
        for (var request : java.util.List.of(get(base), get(base + "/observations"),
                put(base + "/observations").contentType(MediaType.APPLICATION_JSON).content("{}"),
                get(base + "/artifacts"), get(base + "/diagnoses"), post(base + "/diagnoses"), get(base + "/diagnoses/1"),
                get(base + "/diagnoses/1/record.pdf"))) {
            mvc.perform(request).andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.title").value("Instance not found"))
                    .andExpect(jsonPath("$.detail").value(
                            "No registered instance " + id + "; register it first (POST /api/instances)."));
        }
    }

    @Test
    void listsAPageAndDeletesAsAdmin() throws Exception {
        register("cn-hangzhou", HEALTHY).andExpect(status().isCreated());
        register("cn-hangzhou", "lb-bp1hz6locked4r6s8t1u3v").andExpect(status().isCreated());
        mvc.perform(get("/api/instances?page=0&size=1")).andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(1))
                .andExpect(jsonPath("$.total").value(2));
        mvc.perform(get("/api/instances?size=501")).andExpect(status().isOk()).andExpect(jsonPath("$.size").value(500));
        mvc.perform(get("/api/instances/lb-bp1notregistered00000")).andExpect(status().isNotFound());

        mvc.perform(delete("/api/instances/" + HEALTHY)).andExpect(status().isForbidden());
        mvc.perform(delete("/api/instances/" + HEALTHY).with(
                org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("root")
                        .roles("ADMIN"))).andExpect(status().isNoContent());
        mvc.perform(delete("/api/instances/" + HEALTHY).with(
                org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("root")
                        .roles("ADMIN"))).andExpect(status().isNotFound());
        assertThat(instances.count()).isOne();
        // the list is kept between changes (scripts poll it): this process's own writes show at once
        mvc.perform(get("/api/instances?page=0&size=1")).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].loadBalancerId").value("lb-bp1hz6locked4r6s8t1u3v"));
        register("cn-hangzhou", HEALTHY).andExpect(status().isCreated());
        mvc.perform(get("/api/instances?page=0&size=1")).andExpect(status().isOk()).andExpect(jsonPath("$.total").value(2));
    }

    @Test
    void pagingIsBroughtIntoRangeAndWhatIsNoNumberIsA400NamingTheParameter() throws Exception {
        register("cn-hangzhou", HEALTHY).andExpect(status().isCreated());
        mvc.perform(get("/api/instances")).andExpect(status().isOk())
                .andExpect(jsonPath("$.page").value(0)).andExpect(jsonPath("$.size").value(50))
                .andExpect(jsonPath("$.total").value(1));
        mvc.perform(get("/api/instances?size=500")).andExpect(status().isOk()).andExpect(jsonPath("$.size").value(500));
        mvc.perform(get("/api/instances?page=&size=")).andExpect(status().isOk()).andExpect(jsonPath("$.size").value(50));
        mvc.perform(get("/api/instances?page=3")).andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(0)).andExpect(jsonPath("$.total").value(1));
        mvc.perform(get("/api/instances?size=501")).andExpect(status().isOk()).andExpect(jsonPath("$.size").value(500))
                .andExpect(jsonPath("$.items.length()").value(1));
        mvc.perform(get("/api/instances?size=0")).andExpect(status().isOk()).andExpect(jsonPath("$.size").value(50));
        mvc.perform(get("/api/instances?page=-1")).andExpect(status().isOk()).andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.items.length()").value(1));
        for (String[] bad : new String[][] {{"page=abc", "page"}, {"size=1.5", "size"}, {"page=99999999999", "page"},
                {"page=2147483647&size=500", "page"}}) {
            mvc.perform(get("/api/instances?" + bad[0])).andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.status").value(400))
                    .andExpect(jsonPath("$.title").isNotEmpty())
                    .andExpect(jsonPath("$.detail").isNotEmpty())
                    .andExpect(jsonPath("$.errors[0].field").value(bad[1]));
        }
        mvc.perform(get("/api/instances?page=x&size=y")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.contains("page", "size")));
    }

    @Test
    void registeredAtIsTheSameInTheAnswerAndWhenReadBack() throws Exception {
        String created = register("cn-hangzhou", HEALTHY).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString();
        String registeredAt = com.jayway.jsonpath.JsonPath.read(created, "$.registeredAt");
        assertThat(registeredAt).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?Z");
        mvc.perform(get("/api/instances/" + HEALTHY)).andExpect(jsonPath("$.registeredAt").value(registeredAt));
        mvc.perform(get("/api/instances")).andExpect(jsonPath("$.items[0].registeredAt").value(registeredAt));
    }

    @Test
    void wrongTypesInTheRegistrationAreListedPerField() throws Exception {
        mvc.perform(post("/api/instances").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"regionId\":[\"cn-hangzhou\"],\"loadBalancerId\":{\"id\":\"" + HEALTHY + "\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.contains("regionId", "loadBalancerId")));
        mvc.perform(post("/api/instances").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"regionId\":7,\"loadBalancerId\":true}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.contains("regionId", "loadBalancerId")))
                .andExpect(jsonPath("$.errors[0].message").value("must be a string"));
        assertThat(faults.calls()).isEmpty();
        assertThat(instances.count()).isZero();
    }

    @Test
    void importsChosenInstancesOfARegionFromOneListing() throws Exception {
        mvc.perform(get("/api/regions")).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.regionId=='cn-hangzhou')].localName").value(hasItem("华东1（杭州）")));
        mvc.perform(get("/api/regions/ap-southeast-1/load-balancers")).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].loadBalancerId").value("lb-t4n0sg0someabn2r4t6v8x"))
                .andExpect(jsonPath("$[0].registered").value(false));
        mvc.perform(get("/api/regions/xx-nowhere-1/load-balancers")).andExpect(status().isUnprocessableContent());

        register("cn-hangzhou", HEALTHY).andExpect(status().isCreated());
        faults.resetCalls();
        mvc.perform(post("/api/instances/import").contentType(MediaType.APPLICATION_JSON).content(
                "{\"regionId\":\"cn-hangzhou\",\"loadBalancerIds\":[\"" + HEALTHY
                        + "\",\"lb-bp1hz1allabn5r8t2w6y3\",\"lb-bp1hz8tcponly1a3c5e7g9\",\"lb-bp1nosuchinstance000000\"]}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.imported[*].loadBalancerId").value(hasItem("lb-bp1hz1allabn5r8t2w6y3")))
                .andExpect(jsonPath("$.imported[?(@.loadBalancerId=='lb-bp1hz1allabn5r8t2w6y3')].name")
                        .value(hasItem("订单服务-全部异常")))
                .andExpect(jsonPath("$.imported.length()").value(2))
                .andExpect(jsonPath("$.alreadyRegistered[0]").value(HEALTHY))
                .andExpect(jsonPath("$.failed[0].code").value("InvalidLoadBalancerId.NotFound"));
        // one listing (16 instances in cn-hangzhou fit one page of 100), no call per instance
        assertThat(faults.callCount("DescribeLoadBalancers")).isOne();
        assertThat(faults.callCount("DescribeLoadBalancerAttribute")).isZero();
        assertThat(instances.count()).isEqualTo(3);
    }

    @Test
    void registersEveryDemoInstanceInSandboxMode() throws Exception {
        mvc.perform(post("/api/instances/import-demo")).andExpect(status().isCreated());
        assertThat(instances.count()).isEqualTo(17);
        assertThat(instances.findByLoadBalancerId("lb-j6c0hk0healthy1m3o5q7s").orElseThrow().getName()).isEqualTo("香港-官网");
    }
}
