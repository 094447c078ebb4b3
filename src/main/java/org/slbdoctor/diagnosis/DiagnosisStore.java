package org.slbdoctor.diagnosis;

import java.util.List;
import java.util.Optional;
import org.slbdoctor.checklist.Finding;
import org.slbdoctor.instance.SlbInstance;
import org.slbdoctor.instance.SlbInstanceRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores a finished diagnosis and moves the instance's "latest verdict" in the same transaction.
 *
 * <p>Two runs for one instance may finish at the same time: both diagnoses are inserted (they never
 * conflict), but both update the instance row, whose optimistic version makes the second commit
 * fail. That transaction is simply retried on a fresh read of the instance; a run that finishes
 * after a newer one leaves the newer verdict in place.
 */
@Component
class DiagnosisStore {

    private static final Logger log = LoggerFactory.getLogger(DiagnosisStore.class);
    private static final int ATTEMPTS = 5;

    private final DiagnosisRepository diagnoses;
    private final SlbInstanceRepository instances;
    private final DiagnosisCodec codec;
    private final TransactionTemplate tx;

    DiagnosisStore(DiagnosisRepository diagnoses, SlbInstanceRepository instances, DiagnosisCodec codec,
            PlatformTransactionManager transactionManager) {
        this.diagnoses = diagnoses;
        this.instances = instances;
        this.codec = codec;
        this.tx = new TransactionTemplate(transactionManager);
    }

    /** @return the new diagnosis id; empty when the instance was removed while the run went on */
    Optional<Long> save(NewDiagnosis run) {
        for (int attempt = 1; ; attempt++) {
            try {
                return Optional.ofNullable(tx.execute(status -> insert(run)));
            } catch (OptimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                log.debug("instance {} changed while storing a diagnosis, retrying ({})", run.loadBalancerId(), attempt);
            }
        }
    }

    private Long insert(NewDiagnosis run) {
        SlbInstance instance = instances.findByLoadBalancerId(run.loadBalancerId()).orElse(null);
        if (instance == null) {
            return null;
        }
        Diagnosis diagnosis = new Diagnosis(instance, run.createdAt(), run.createdBy(), run.verdict(),
                run.snapshot().complete(), run.snapshot().calls().size(), run.observationsVersion(),
                run.artifacts().stream().map(ArtifactRecord::id).toList(), codec.write(run.snapshot()),
                codec.write(run.observations()), codec.write(run.artifacts()));
        List<Finding> findings = run.findings();
        for (int i = 0; i < findings.size(); i++) {
            diagnosis.addFinding(codec.toRow(diagnosis, i, findings.get(i)));
        }
        diagnoses.save(diagnosis);
        if (isNewest(instance, diagnosis)) {
            instance.diagnosed(diagnosis.getId(), diagnosis.getCreatedAt(), diagnosis.getVerdict(),
                    diagnosis.getFailCount(), diagnosis.getWarnCount(), diagnosis.getUnknownCount());
            var attributes = run.snapshot().instance();
            if (attributes != null) {
                instance.describedAs(attributes.name(), attributes.address(), attributes.addressType(),
                        attributes.networkType(), attributes.status());
            }
        }
        instances.save(instance);
        return diagnosis.getId();
    }

    private static boolean isNewest(SlbInstance instance, Diagnosis diagnosis) {
        if (instance.getLastDiagnosisAt() == null) {
            return true;
        }
        int byTime = diagnosis.getCreatedAt().compareTo(instance.getLastDiagnosisAt());
        return byTime > 0 || byTime == 0 && diagnosis.getId() > instance.getLastDiagnosisId();
    }
}
