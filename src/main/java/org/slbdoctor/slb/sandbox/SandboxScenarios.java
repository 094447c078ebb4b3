package org.slbdoctor.slb.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The instances the sandbox serves: the scenario files under {@code classpath:sandbox/*.json}, plus
 * generated ones (a fleet for benchmarks, or instances a test or benchmark adds).
 */
public class SandboxScenarios {

    /** What a scenario file holds: hand-written instances and generated ones by size. */
    record ScenarioFile(List<SandboxInstance> instances, List<Generated> generated) {
    }

    /** A generated instance: {@code listeners} listeners on the default group of {@code backends} backends. */
    record Generated(String id, String region, String name, String scenario, int listeners, int backends) {
    }

    private final Map<String, SandboxInstance> byId = new ConcurrentHashMap<>();

    public static SandboxScenarios fromClasspath() {
        SandboxScenarios scenarios = new SandboxScenarios();
        JsonMapper mapper = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:sandbox/*.json");
            for (Resource resource : resources) {
                try (InputStream in = resource.getInputStream()) {
                    ScenarioFile file = mapper.readValue(in, ScenarioFile.class);
                    if (file.instances() != null) {
                        file.instances().forEach(scenarios::add);
                    }
                    if (file.generated() != null) {
                        file.generated().forEach(g -> scenarios.add(generate(g.id(), g.region(), g.name(), g.scenario(),
                                g.listeners(), g.backends(), 0, 0)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sandbox scenario files", e);
        }
        return scenarios;
    }

    public void add(SandboxInstance instance) {
        byId.put(instance.id(), instance);
    }

    public Optional<SandboxInstance> find(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    /** Every instance, hand-written scenarios first (sorted by id), so listings are stable. */
    public List<SandboxInstance> all() {
        return byId.values().stream()
                .sorted(Comparator.comparing((SandboxInstance i) -> i.id().startsWith("lb-bp1gen")).thenComparing(SandboxInstance::id))
                .toList();
    }

    public List<SandboxInstance> inRegion(String regionId) {
        return all().stream().filter(i -> i.region().equals(regionId)).toList();
    }

    public Collection<SandboxInstance> scenarioInstances() {
        return all().stream().filter(i -> i.scenario() != null && !"generated".equals(i.scenario())).toList();
    }

    /** Adds {@code count} generated instances {@code lb-bp1gen…} in cn-hangzhou (a fleet for benchmarks). */
    public void addFleet(int count, int listenersEach, int backendsEach) {
        for (int i = 0; i < count; i++) {
            add(generate(String.format("lb-bp1gen%014d", i), "cn-hangzhou", "fleet-" + i, "generated",
                    listenersEach, backendsEach, 0, 0));
        }
    }

    /**
     * A generated instance: {@code listeners} HTTP listeners from port 8000 up. With {@code groups} > 0
     * the listeners are spread over that many VServer groups (each with {@code backends} members) and
     * the first {@code rulesOn} listeners carry one forwarding rule to their own group; otherwise every
     * listener uses the default server group of {@code backends} backends.
     */
    public static SandboxInstance generate(String id, String region, String name, String scenario, int listeners,
            int backends, int groups, int rulesOn) {
        String zone = zonePrefix(region);
        String suffix = id.substring(Math.max(3, id.length() - 8));
        List<SandboxInstance.Backend> defaultGroup = new ArrayList<>();
        List<SandboxInstance.Group> vGroups = new ArrayList<>();
        if (groups > 0) {
            for (int g = 0; g < groups; g++) {
                List<SandboxInstance.Backend> members = new ArrayList<>();
                for (int b = 0; b < backends; b++) {
                    members.add(new SandboxInstance.Backend(String.format("i-%s%s%02d%03d", zone, suffix, g, b),
                            ip(g + 1, b), 8080, 100, "ecs", "app-" + g + "-" + b));
                }
                vGroups.add(new SandboxInstance.Group(String.format("rsp-%s%s%03d", zone, suffix, g), "group-" + g, members));
            }
        } else {
            for (int b = 0; b < backends; b++) {
                defaultGroup.add(new SandboxInstance.Backend(String.format("i-%s%s%04d", zone, suffix, b), ip(0, b), null,
                        100, "ecs", "web-" + b));
            }
        }
        List<SandboxInstance.Listener> ls = new ArrayList<>();
        List<SandboxInstance.Rule> rules = new ArrayList<>();
        for (int l = 0; l < listeners; l++) {
            int port = 8000 + l;
            String groupId = groups > 0 ? vGroups.get(l % groups).id() : null;
            ls.add(new SandboxInstance.Listener(port, "http", 8080, "running", "on", 60, 15, null, "/health", null,
                    groupId, null, "normal", null));
            if (groups > 0 && l < rulesOn) {
                rules.add(new SandboxInstance.Rule(port, "http", String.format("rule-%s%s%03d", zone, suffix, l),
                        "api-" + l, "www.example.com", "/api/" + l, vGroups.get(l % groups).id()));
            }
        }
        return new SandboxInstance(id, region, name, scenario, "active", "47.98." + (Math.abs(id.hashCode()) % 250) + ".10",
                "internet", "vpc", "slb.s3.large", defaultGroup, ls, vGroups, rules);
    }

    private static String ip(int subnet, int host) {
        return "192.168." + subnet + "." + (10 + host % 240);
    }

    private static String zonePrefix(String region) {
        return switch (region) {
            case "cn-hongkong" -> "j6c";
            case "ap-southeast-1" -> "t4n";
            default -> "bp1";
        };
    }
}
