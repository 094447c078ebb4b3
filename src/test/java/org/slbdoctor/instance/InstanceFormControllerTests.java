package org.slbdoctor.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slbdoctor.slb.sandbox.SandboxFault;
import org.slbdoctor.slb.sandbox.SandboxFaults;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The register, import and demo pages against the real sandbox through the SDK over HTTP. */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:instanceform;DB_CLOSE_DELAY=-1",
        "slbdoctor.sandbox.enabled=true", "slbdoctor.aliyun.backoff-base=5ms", "slbdoctor.aliyun.backoff-max=20ms"})
@AutoConfigureMockMvc
class InstanceFormControllerTests {

    static final String ALL_ABNORMAL = "lb-bp1hz1allabn5r8t2w6y3";
    static final String HONGKONG = "lb-j6c0hk0healthy1m3o5q7s";

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
    }

    ResultActions register(String region, String id) throws Exception {
        return mvc.perform(post("/instances/new").with(user("olga").roles("OPERATOR")).with(csrf())
                .param("regionId", region).param("loadBalancerId", id));
    }

    @Test
    void formOffersTheRegionsOfDescribeRegionsAndTheDemoButton() throws Exception {
        mvc.perform(get("/instances/new").with(user("olga").roles("OPERATOR")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<option value=\"cn-hangzhou\"")))
                .andExpect(content().string(containsString("<option value=\"cn-hongkong\"")))
                .andExpect(content().string(containsString("<option value=\"ap-southeast-1\"")))
                .andExpect(content().string(containsString("action=\"/demo-instances\"")));
    }

    @Test
    void registeringAnExistingInstanceRedirectsToItsPage() throws Exception {
        register("cn-hangzhou", " " + ALL_ABNORMAL + " ")
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/instances/" + ALL_ABNORMAL))
                .andExpect(flash().attribute("message", containsString("订单服务-全部异常")));
        assertThat(instances.findByLoadBalancerId(ALL_ABNORMAL).orElseThrow().getRegisteredBy()).isEqualTo("olga");
    }

    @Test
    void duplicateShowsALinkToTheExistingInstance() throws Exception {
        register("cn-hangzhou", ALL_ABNORMAL).andExpect(status().is3xxRedirection());
        register("cn-hangzhou", ALL_ABNORMAL)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"register-duplicate\"")))
                .andExpect(content().string(containsString("href=\"/instances/" + ALL_ABNORMAL + "\"")));
        assertThat(instances.count()).isEqualTo(1);
    }

    @Test
    void malformedFieldsAreShownNextToTheirFields() throws Exception {
        register("Hangzhou!", "i-not-an-slb")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("must be a region id such as cn-hangzhou")))
                .andExpect(content().string(containsString("must be an SLB instance id")))
                .andExpect(content().string(containsString("value=\"i-not-an-slb\"")));
        assertThat(instances.count()).isZero();
    }

    @Test
    void notFoundAndUnknownRegionShowTheSlbCodeAndRequestId() throws Exception {
        String html = register("cn-hangzhou", "lb-bp1doesnotexist000000")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("InvalidLoadBalancerId.NotFound")))
                .andExpect(content().string(containsString("data-testid=\"problem-request-id\"")))
                .andReturn().getResponse().getContentAsString();
        assertThat(html).containsPattern("data-testid=\"problem-request-id\">[0-9A-F-]{8,}<");
        register("cn-nowhere", ALL_ABNORMAL)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("UnknownRegion")));
        assertThat(instances.count()).isZero();
    }

    @Test
    void apiFailuresShowCodeRequestIdAndWhatToDo() throws Exception {
        faults.inject("DescribeLoadBalancerAttribute", SandboxFault.FORBIDDEN_RAM);
        register("cn-hangzhou", ALL_ABNORMAL)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Forbidden.RAM")))
                .andExpect(content().string(containsString("data-testid=\"problem-request-id\"")))
                .andExpect(content().string(containsString("grant the read-only SLB actions")));
        faults.inject("DescribeLoadBalancerAttribute", SandboxFault.THROTTLING);
        register("cn-hangzhou", ALL_ABNORMAL)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Throttling")))
                .andExpect(content().string(containsString("wait a minute")));
        faults.inject("DescribeLoadBalancerAttribute", SandboxFault.UNCLOSED_JSON);
        register("cn-hangzhou", ALL_ABNORMAL)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("SDK.MalformedResponse")));
        assertThat(instances.count()).isZero();
    }

    @Test
    void importListsARegionAndRegistersTheTickedInstances() throws Exception {
        mvc.perform(get("/instances/import").param("regionId", "cn-hongkong").with(user("olga").roles("OPERATOR")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"" + HONGKONG + "\"")))
                .andExpect(content().string(containsString("香港-官网")));
        mvc.perform(post("/instances/import").with(user("olga").roles("OPERATOR")).with(csrf())
                        .param("regionId", "cn-hongkong").param("loadBalancerIds", HONGKONG, "lb-j6c0notthere0000000"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/instances/import?regionId=cn-hongkong"))
                .andExpect(flash().attribute("message", containsString("1 registered")))
                .andExpect(flash().attributeExists("importResult"));
        assertThat(instances.existsByLoadBalancerId(HONGKONG)).isTrue();
        mvc.perform(get("/instances/import").param("regionId", "cn-hongkong").with(user("olga").roles("OPERATOR")))
                .andExpect(content().string(containsString("badge-pass")));
    }

    @Test
    void demoButtonOfTheRegisterPageRegistersEveryDemoInstance() throws Exception {
        mvc.perform(post("/demo-instances").with(user("olga").roles("OPERATOR")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/"))
                .andExpect(flash().attributeExists("message"))
                .andExpect(flash().attributeCount(1));
        assertThat(instances.count()).isGreaterThanOrEqualTo(15);
        assertThat(instances.existsByLoadBalancerId(ALL_ABNORMAL)).isTrue();
    }

    @Test
    void viewerGetsNoRegistrationFormsAndCannotPost() throws Exception {
        mvc.perform(get("/instances/new").with(user("v").roles("VIEWER"))).andExpect(status().isForbidden());
        mvc.perform(get("/instances/import").with(user("v").roles("VIEWER"))).andExpect(status().isForbidden());
        mvc.perform(post("/instances/new").with(user("v").roles("VIEWER")).with(csrf())
                .param("regionId", "cn-hangzhou").param("loadBalancerId", ALL_ABNORMAL)).andExpect(status().isForbidden());
        mvc.perform(post("/instances/import").with(user("v").roles("VIEWER")).with(csrf())
                .param("regionId", "cn-hongkong").param("loadBalancerIds", HONGKONG)).andExpect(status().isForbidden());
        mvc.perform(post("/demo-instances").with(user("v").roles("VIEWER")).with(csrf())).andExpect(status().isForbidden());
        assertThat(instances.count()).isZero();
    }

    @Test
    void sandboxAdminPageDrivesFaultInjectionForAdminsOnly() throws Exception {
        mvc.perform(get("/admin/sandbox").with(user("o").roles("OPERATOR"))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/sandbox/action").with(user("o").roles("OPERATOR")).with(csrf())
                .param("action", "DescribeHealthStatus").param("fault", "SERVICE_UNAVAILABLE")).andExpect(status().isForbidden());
        mvc.perform(get("/admin/sandbox").with(user("a").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("DescribeHealthStatus")));
        mvc.perform(post("/admin/sandbox/action").with(user("a").roles("ADMIN")).with(csrf())
                        .param("action", "DescribeLoadBalancerAttribute").param("fault", "FORBIDDEN_RAM").param("times", "1")
                        .param("latencyMillis", "5"))
                .andExpect(status().is3xxRedirection());
        assertThat(faults.view().actionFaults().get("DescribeLoadBalancerAttribute").fault()).isEqualTo(SandboxFault.FORBIDDEN_RAM);
        assertThat(faults.latencyFor("DescribeLoadBalancerAttribute")).isEqualTo(5);
        mvc.perform(post("/admin/sandbox/global").with(user("a").roles("ADMIN")).with(csrf())
                .param("latencyMillis", "7").param("throttleStatus", "429").param("throttleMaxCallsPerSecond", "0")
                .param("throttleNextCalls", "0")).andExpect(status().is3xxRedirection());
        assertThat(faults.view().latencyMillis()).isEqualTo(7);
        assertThat(faults.throttleStatus()).isEqualTo(429);
        // the injected fault reaches a registration through the SDK
        register("cn-hangzhou", ALL_ABNORMAL).andExpect(content().string(containsString("Forbidden.RAM")));
        mvc.perform(post("/admin/sandbox/reset").with(user("a").roles("ADMIN")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(faults.view().actionFaults()).isEmpty();
        assertThat(faults.view().latencyMillis()).isZero();
        mvc.perform(get("/admin/sandbox").with(user("a").roles("ADMIN")))
                .andExpect(content().string(not(containsString("403 Forbidden.RAM</span>"))));
    }
}
