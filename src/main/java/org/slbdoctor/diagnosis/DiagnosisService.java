package org.slbdoctor.diagnosis;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slbdoctor.artifact.AnalyzedArtifact;
import org.slbdoctor.artifact.ArtifactService;
import org.slbdoctor.checklist.CheckSettings;
import org.slbdoctor.checklist.Checklist;
import org.slbdoctor.checklist.ChecklistResult;
import org.slbdoctor.checklist.Evidence;
import org.slbdoctor.checklist.EvidenceSnapshot;
import org.slbdoctor.checklist.EvidenceSource;
import org.slbdoctor.checklist.Finding;
import org.slbdoctor.instance.SlbInstance;
import org.slbdoctor.instance.SlbInstanceRepository;
import org.slbdoctor.observation.CurrentObservations;
import org.slbdoctor.observation.ObservationService;
import org.slbdoctor.slb.SlbCollector;
import org.slbdoctor.slb.SlbSnapshot;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Runs, stores and reads back diagnoses of registered instances. */
@Service
public class DiagnosisService {

    private final SlbInstanceRepository instances;
    private final DiagnosisRepository diagnoses;
    private final DiagnosisStore store;
    private final DiagnosisCodec codec;
    private final SlbCollector collector;
    private final ObservationService observations;
    private final ArtifactService artifacts;
    private final Checklist checklist;
    private final CheckSettings settings;
    private final Clock clock;

    DiagnosisService(SlbInstanceRepository instances, DiagnosisRepository diagnoses, DiagnosisStore store,
            DiagnosisCodec codec, SlbCollector collector, ObservationService observations,
            ArtifactService artifacts, Checklist checklist, CheckSettings settings,
            ObjectProvider<Clock> clock) {
        this.instances = instances;
        this.diagnoses = diagnoses;
        this.store = store;
        this.codec = codec;
        this.collector = collector;
        this.observations = observations;
        this.artifacts = artifacts;
        this.checklist = checklist;
        this.settings = settings;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /**
     * Collects the instance's state through the SLB API, runs every check with the current
     * observations and artifacts, and stores the result. Never in a transaction: the API calls
     * take seconds and must not hold a connection. A failed API call does not fail the run: its
     * part is missing from the snapshot, listed in its errors, and the checks decide without it.
     *
     * @throws DiagnosisNotFound when the instance is not registered (or removed during the run)
     */
    public DiagnosisRecord run(String loadBalancerId, String user) {
        SlbInstance instance = instance(loadBalancerId);
        CurrentObservations current = observations.current(instance.getId());
        List<AnalyzedArtifact> analyzed = artifacts.analyzed(instance.getId());
        SlbSnapshot snapshot = collector.collect(instance.getRegionId(), loadBalancerId);
        ChecklistResult result = checklist.run(new EvidenceSnapshot(snapshot, current.observations(), analyzed, settings));
        return store(new NewDiagnosis(loadBalancerId, clock.instant().truncatedTo(ChronoUnit.SECONDS), user, snapshot,
                current.version(), current.observations(), artifactRecords(analyzed, result.findings()),
                result.findings(), result.verdict()));
    }

    /** Each artifact with its analyzer's summary and the lines the checks quoted from it (at most 5). */
    static List<ArtifactRecord> artifactRecords(List<AnalyzedArtifact> analyzed, List<Finding> findings) {
        List<ArtifactRecord> records = new ArrayList<>();
        for (AnalyzedArtifact a : analyzed) {
            Map<Integer, ArtifactRecord.Line> quoted = new LinkedHashMap<>();
            for (Finding f : findings) {
                for (Evidence e : f.evidence()) {
                    if (e.source() == EvidenceSource.ARTIFACT && a.name().equals(e.artifactName())
                            && quoted.size() < 5) {
                        quoted.putIfAbsent(e.lineNumber(), new ArtifactRecord.Line(e.lineNumber(), e.text()));
                    }
                }
            }
            records.add(new ArtifactRecord(a.id(), a.kind().wireName(), a.name(), a.uploadedAt(),
                    a.facts() == null ? null : a.facts().summary(), List.copyOf(quoted.values())));
        }
        return records;
    }

    /** Stores a finished run; 404 when the instance was removed meanwhile. */
    DiagnosisRecord store(NewDiagnosis run) {
        long id = store.save(run).orElseThrow(() -> DiagnosisNotFound.instance(run.loadBalancerId()));
        return get(run.loadBalancerId(), id);
    }

    @Transactional(readOnly = true)
    public DiagnosisPage history(String loadBalancerId, int page, int size) {
        SlbInstance instance = instance(loadBalancerId);
        int p = Math.max(page, 0);
        int s = Math.min(Math.max(size, 1), DiagnosisPage.MAX_SIZE);
        Page<DiagnosisSummary> rows = diagnoses.findHistory(instance.getId(), PageRequest.of(p, s));
        return new DiagnosisPage(rows.getContent(), p, s, rows.getTotalElements());
    }

    @Transactional(readOnly = true)
    public DiagnosisRecord get(String loadBalancerId, long id) {
        SlbInstance instance = instance(loadBalancerId);
        return diagnoses.findWithFindings(instance.getId(), id).map(codec::toRecord)
                .orElseThrow(() -> DiagnosisNotFound.diagnosis(loadBalancerId, id));
    }

    @Transactional(readOnly = true)
    public DiagnosisDiff diff(String loadBalancerId, long id, long otherId) {
        return DiagnosisDiffer.diff(get(loadBalancerId, id), get(loadBalancerId, otherId));
    }

    /** The SLB state of the instance's latest diagnosis, for the instance JSON and page. */
    @Transactional(readOnly = true)
    public Optional<LatestSnapshot> latestSnapshot(SlbInstance instance) {
        Long last = instance.getLastDiagnosisId();
        if (last == null) {
            return Optional.empty();
        }
        return diagnoses.findSnapshotJson(last).map(json -> LatestSnapshot.of(last, codec.snapshot(json)));
    }

    private SlbInstance instance(String loadBalancerId) {
        return instances.findByLoadBalancerId(loadBalancerId)
                .orElseThrow(() -> DiagnosisNotFound.instance(loadBalancerId));
    }
}
