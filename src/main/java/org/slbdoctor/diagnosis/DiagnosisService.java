package org.slbdoctor.diagnosis;

import java.util.Optional;
import org.slbdoctor.instance.SlbInstance;
import org.slbdoctor.instance.SlbInstanceRepository;
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

    DiagnosisService(SlbInstanceRepository instances, DiagnosisRepository diagnoses, DiagnosisStore store,
            DiagnosisCodec codec) {
        this.instances = instances;
        this.diagnoses = diagnoses;
        this.store = store;
        this.codec = codec;
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
