package org.slbdoctor.slb;

import com.aliyuncs.auth.AlibabaCloudCredentialsProvider;
import com.aliyuncs.auth.BasicCredentials;
import com.aliyuncs.auth.DefaultCredentialsProvider;
import com.aliyuncs.auth.StaticCredentialsProvider;
import com.aliyuncs.exceptions.ClientException;
import java.time.Clock;
import org.slbdoctor.slb.sandbox.SandboxServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the SDK client: in sandbox mode against the local sandbox with its credentials, otherwise
 * against {@code slbdoctor.aliyun.endpoint} (or the SDK's regional endpoints) with the Alibaba Cloud
 * default credential chain.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SlbProperties.class)
class SlbConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SlbConfiguration.class);

    @Bean
    SlbClient slbClient(SlbProperties props, ObjectProvider<SandboxServer> sandbox) {
        SandboxServer server = sandbox.getIfAvailable();
        if (server != null) {
            log.info("SLB API calls go to the built-in sandbox at {}", server.endpoint());
            return new SlbClient(props.withEndpoint(server.endpoint()), new StaticCredentialsProvider(
                    new BasicCredentials(server.accessKeyId(), server.accessKeySecret())));
        }
        log.info("SLB API calls go to {}", props.endpoint() == null ? "the Alibaba Cloud regional endpoints" : props.endpoint());
        return new SlbClient(props, defaultChain());
    }

    private static AlibabaCloudCredentialsProvider defaultChain() {
        try {
            // env vars, system properties, the credentials file, the CLI profile, the ECS RAM role
            return new DefaultCredentialsProvider();
        } catch (ClientException e) {
            throw new IllegalStateException("cannot set up the Alibaba Cloud credential chain: " + e.getErrMsg(), e);
        }
    }

    @Bean
    SlbRegions slbRegions(SlbClient client, ObjectProvider<Clock> clock) {
        return new SlbRegions(client, clock.getIfAvailable(Clock::systemUTC), java.time.Duration.ofHours(1));
    }

    @Bean
    SlbCollector slbCollector(SlbClient client, ObjectProvider<Clock> clock) {
        // its own pool, not an Executor bean: that would switch off Boot's applicationTaskExecutor
        return SlbCollector.withOwnThreads(client, clock.getIfAvailable(Clock::systemUTC));
    }
}
