package org.slbdoctor.instance;

import java.security.Principal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slbdoctor.diagnosis.DiagnosisService;
import org.slbdoctor.diagnosis.LatestSnapshot;
import org.slbdoctor.web.PageParams;
import org.slbdoctor.web.VersionedCache;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/** {@code /api/instances}: register, list worst first, show, delete; import from a region's listing. */
@RestController
@RequestMapping("/api/instances")
class InstanceController {

    /** The registration body, read from the tree so that every field of the wrong type is listed (no coercion). */
    record Registration(String regionId, String loadBalancerId) {

        static Registration read(JsonNode body) {
            if (body == null || !body.isObject()) {
                throw InstanceProblem.invalid(List.of(new InstanceProblem.FieldProblem("",
                        "must be a JSON object {\"regionId\", \"loadBalancerId\"}")));
            }
            List<InstanceProblem.FieldProblem> wrongTypes = new ArrayList<>();
            String regionId = text(body, "regionId", wrongTypes);
            String loadBalancerId = text(body, "loadBalancerId", wrongTypes);
            if (!wrongTypes.isEmpty()) {
                List<InstanceProblem.FieldProblem> errors = new ArrayList<>();
                List<InstanceProblem.FieldProblem> values = InstanceRegistrationService.problems(regionId, loadBalancerId);
                for (String field : List.of("regionId", "loadBalancerId")) {
                    List<InstanceProblem.FieldProblem> typed = wrongTypes.stream().filter(e -> e.field().equals(field)).toList();
                    errors.addAll(typed.isEmpty() ? values.stream().filter(e -> e.field().equals(field)).toList() : typed);
                }
                throw InstanceProblem.invalid(errors);
            }
            return new Registration(regionId, loadBalancerId);
        }

        private static String text(JsonNode body, String field, List<InstanceProblem.FieldProblem> wrongTypes) {
            JsonNode n = body.get(field);
            if (n == null || n.isNull()) {
                return null;
            }
            if (!n.isString()) {
                wrongTypes.add(new InstanceProblem.FieldProblem(field, "must be a string"));
                return null;
            }
            return n.asString().trim();
        }
    }

    record ImportRequest(String regionId, List<String> loadBalancerIds) {
    }

    record PageJson<T>(List<T> items, int page, int size, long total) {
    }

    /** One instance with the SLB state of its latest diagnosis (null before the first). */
    record InstanceDetail(String loadBalancerId, String regionId, String name, String address, String addressType,
            String networkType, String status, java.time.Instant registeredAt, InstanceJson.LastDiagnosis lastDiagnosis,
            LatestSnapshot snapshot) {
        static InstanceDetail of(InstanceJson i, LatestSnapshot snapshot) {
            return new InstanceDetail(i.loadBalancerId(), i.regionId(), i.name(), i.address(), i.addressType(),
                    i.networkType(), i.status(), i.registeredAt(), i.lastDiagnosis(), snapshot);
        }
    }

    static final Duration LIST_MAX_AGE = Duration.ofSeconds(2);

    private final VersionedCache<PageParams, PageJson<InstanceJson>> lists;
    private final InstanceRegistrationService registration;
    private final InstanceImportService importer;
    private final SlbInstanceRepository instances;
    private final DiagnosisService diagnoses;

    InstanceController(InstanceRegistrationService registration, InstanceImportService importer,
            SlbInstanceRepository instances, DiagnosisService diagnoses, InstanceChanges changes) {
        this.lists = new VersionedCache<>(changes::version, LIST_MAX_AGE, 1_000);
        this.registration = registration;
        this.importer = importer;
        this.instances = instances;
        this.diagnoses = diagnoses;
    }

    @PostMapping
    ResponseEntity<InstanceJson> register(@RequestBody(required = false) JsonNode json, Principal user) {
        Registration body = Registration.read(json);
        SlbInstance saved = registration.register(body.regionId(), body.loadBalancerId(), name(user));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(saved.getLoadBalancerId()).toUri()).body(InstanceJson.of(saved));
    }

    /**
     * Kept per change of the instance table (this process's writes show at once) and at most
     * {@link #LIST_MAX_AGE} old (another node's), as the dashboard's rows are: scripts poll it.
     */
    @GetMapping
    PageJson<InstanceJson> list(@RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        PageParams paging = PageParams.of(page, size);
        return lists.get(paging, () -> {
            Page<SlbInstance> p = instances.findAllWorstFirst(PageRequest.of(paging.page(), paging.size()));
            return new PageJson<>(p.getContent().stream().map(InstanceJson::of).toList(), paging.page(), paging.size(),
                    p.getTotalElements());
        });
    }

    @GetMapping("/{loadBalancerId}")
    InstanceDetail one(@PathVariable String loadBalancerId) {
        SlbInstance i = instances.findByLoadBalancerId(loadBalancerId)
                .orElseThrow(() -> InstanceProblem.notFound(loadBalancerId));
        return InstanceDetail.of(InstanceJson.of(i), diagnoses.latestSnapshot(i).orElse(null));
    }

    @DeleteMapping("/{loadBalancerId}")
    @Transactional
    ResponseEntity<Void> delete(@PathVariable String loadBalancerId) {
        SlbInstance i = instances.findByLoadBalancerId(loadBalancerId)
                .orElseThrow(() -> InstanceProblem.notFound(loadBalancerId));
        instances.delete(i);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/import")
    ResponseEntity<InstanceImportService.Result> importFromRegion(@RequestBody ImportRequest body, Principal user) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(importer.importInstances(trim(body.regionId()), body.loadBalancerIds(), name(user), null));
    }

    /** Sandbox mode only: registers every demo instance. */
    @PostMapping("/import-demo")
    ResponseEntity<List<InstanceImportService.Result>> importDemo(Principal user) {
        if (!importer.sandboxMode()) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(importer.registerAllDemoInstances(name(user), null));
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }

    private static String name(Principal user) {
        return user == null ? null : user.getName();
    }
}
