package org.slbdoctor.artifact;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.slbdoctor.instance.InstanceProblem;
import org.slbdoctor.instance.SlbInstance;
import org.slbdoctor.instance.SlbInstanceRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

/**
 * Stores, lists, removes and analyzes an instance's artifacts. Uploads are validated before anything
 * is written (kind, empty, binary, size), so a refused upload leaves what is stored untouched.
 */
@Service
public class ArtifactService {

    private static final Logger log = LoggerFactory.getLogger(ArtifactService.class);
    static final int MAX_NAME = 255;

    private final ArtifactRepository artifacts;
    private final SlbInstanceRepository instances;
    private final ArtifactAnalyzers analyzers;
    private final ArtifactProperties properties;
    private final Clock clock = Clock.systemUTC();

    public ArtifactService(ArtifactRepository artifacts, SlbInstanceRepository instances, ArtifactAnalyzers analyzers,
            ArtifactProperties properties) {
        this.artifacts = artifacts;
        this.instances = instances;
        this.analyzers = analyzers;
        this.properties = properties;
    }

    static List<String> allowedKinds() {
        return Arrays.stream(ArtifactKind.values()).map(ArtifactKind::wireName).toList();
    }

    public long maxBytes() {
        return properties.maxBytes();
    }

    /** A pasted (JSON) upload: the size is the content's UTF-8 bytes. */
    @Transactional
    public ArtifactDetails upload(String loadBalancerId, String kind, String name, String content, String user) {
        return upload(loadBalancerId, kind, name, content, user, List.of());
    }

    /**
     * A pasted upload whose body already had bad fields ({@code earlier}, e.g. a number where text belongs;
     * their values are passed as null): every bad field is listed in one 400, in the order kind, name, content.
     */
    @Transactional
    public ArtifactDetails upload(String loadBalancerId, String kind, String name, String content, String user,
            List<InvalidArtifactException.Problem> earlier) {
        SlbInstance instance = instance(loadBalancerId);
        Validation v = new Validation(earlier);
        ArtifactKind k = v.check("kind", () -> kind(kind));
        String n = v.check("name", () -> name(name, k == null ? null : k.wireName()));
        byte[] bytes = v.check("content", () -> {
            if (isBlank(content)) {
                throw empty("content");
            }
            if (content.indexOf('\0') >= 0) {
                throw binary("content");
            }
            byte[] b = content.getBytes(StandardCharsets.UTF_8);
            checkSize(b.length, "content");
            return b;
        });
        v.throwIfAny();
        return store(instance, k, n, bytes.length, sha256(bytes), content, user);
    }

    /**
     * An uploaded file: the size is its bytes. UTF-8 (invalid sequences replaced), or UTF-16 when it
     * starts with a UTF-16 byte-order mark (Windows "Unicode" text); NUL bytes otherwise mean binary.
     */
    @Transactional
    public ArtifactDetails upload(String loadBalancerId, String kind, String name, byte[] bytes, String user) {
        SlbInstance instance = instance(loadBalancerId);
        Validation v = new Validation(List.of());
        ArtifactKind k = v.check("kind", () -> kind(kind));
        String n = v.check("name", () -> name(name, k == null ? null : k.wireName()));
        String text = v.check("file", () -> {
            if (bytes == null || bytes.length == 0) {
                throw empty("file");
            }
            checkSize(bytes.length, "file");
            String t = decode(bytes);
            if (t.indexOf('\0') >= 0) {
                throw binary("file");
            }
            if (isBlank(t)) {
                throw empty("file");
            }
            return t;
        });
        v.throwIfAny();
        return store(instance, k, n, bytes.length, sha256(bytes), text, user);
    }

    /** Empty, or nothing but white space (and a byte-order mark): nothing an analyzer could read. */
    private static boolean isBlank(String text) {
        return text == null || text.replace("\uFEFF", "").isBlank();
    }

    private static InvalidArtifactException empty(String field) {
        return new InvalidArtifactException("EmptyContent", field, "The artifact is empty.");
    }

    /** Checks field after field, collecting every problem instead of stopping at the first. */
    private static final class Validation {
        private final List<InvalidArtifactException.Problem> earlier;
        private final List<InvalidArtifactException.Problem> problems = new java.util.ArrayList<>();

        Validation(List<InvalidArtifactException.Problem> earlier) {
            this.earlier = earlier;
        }

        /** The checked value, or null when the field is bad (then its problem is recorded). */
        <T> T check(String field, java.util.function.Supplier<T> value) {
            List<InvalidArtifactException.Problem> known = earlier.stream().filter(p -> p.field().equals(field)).toList();
            if (!known.isEmpty()) {
                problems.addAll(known);
                return null;
            }
            try {
                return value.get();
            } catch (InvalidArtifactException e) {
                problems.addAll(e.problems());
                return null;
            }
        }

        void throwIfAny() {
            for (InvalidArtifactException.Problem p : earlier) {
                if (!problems.contains(p)) {
                    problems.add(p);
                }
            }
            if (!problems.isEmpty()) {
                throw new InvalidArtifactException(problems);
            }
        }
    }

    private ArtifactDetails store(SlbInstance instance, ArtifactKind kind, String name, long size, String sha,
            String text, String user) {
        Artifact saved = artifacts.saveAndFlush(new Artifact(instance.getId(), kind, name, size, sha, text,
                user == null ? null : truncate(user, 100), Instant.now(clock).truncatedTo(ChronoUnit.MILLIS)));
        return new ArtifactDetails(metadata(saved), summary(kind, text), null);
    }

    @Transactional(readOnly = true)
    public ArtifactPage list(String loadBalancerId, int page, int size) {
        SlbInstance instance = instance(loadBalancerId);
        int p = Math.max(page, 0);
        int s = Math.min(Math.max(size, 1), ArtifactPage.MAX_SIZE);
        Page<ArtifactMetadata> result = artifacts.findMetadataByInstanceId(instance.getId(), PageRequest.of(p, s));
        return new ArtifactPage(result.getContent(), p, s, result.getTotalElements());
    }

    /** Metadata and summary (the content analyzed once), plus the content when {@code withContent}. */
    @Transactional(readOnly = true)
    public ArtifactDetails get(String loadBalancerId, long id, boolean withContent) {
        Artifact a = find(loadBalancerId, id);
        return new ArtifactDetails(metadata(a), summary(a.getKind(), a.getContent()), withContent ? a.getContent() : null);
    }

    @Transactional(readOnly = true)
    public Artifact content(String loadBalancerId, long id) {
        return find(loadBalancerId, id);
    }

    @Transactional
    public void delete(String loadBalancerId, long id) {
        SlbInstance instance = instance(loadBalancerId);
        if (artifacts.deleteOne(instance.getId(), id) == 0) {
            throw notFound("No artifact " + id + " on instance " + loadBalancerId + ".");
        }
    }

    /** Every artifact of an instance (by database id) analyzed, in upload order: what a diagnosis reads. */
    @Transactional(readOnly = true)
    public List<AnalyzedArtifact> analyzed(long instanceId) {
        return artifacts.findByInstanceIdOrderByUploadedAtAscIdAsc(instanceId).stream()
                .map(a -> new AnalyzedArtifact(a.getId(), a.getKind(), a.getName(), a.getUploadedAt(),
                        analyzers.analyze(a.getKind(), a.getContent())))
                .toList();
    }

    /** The analyzer's one-line summary of a text, e.g. "3 rp_filter values; net.ipv4.conf.all.rp_filter = 1 (line 12)". */
    public String summary(ArtifactKind kind, String text) {
        try {
            return analyzers.analyze(kind, text).summary();
        } catch (RuntimeException e) {
            // an analyzer bug must not make an artifact unreadable; the diagnosis will show it too
            log.warn("analyzer {} failed: {}", kind.wireName(), e.toString());
            return "could not be analyzed: " + e.getClass().getSimpleName();
        }
    }

    private Artifact find(String loadBalancerId, long id) {
        SlbInstance instance = instance(loadBalancerId);
        return artifacts.findByInstanceIdAndId(instance.getId(), id)
                .orElseThrow(() -> notFound("No artifact " + id + " on instance " + loadBalancerId + "."));
    }

    private static ArtifactMetadata metadata(Artifact a) {
        return new ArtifactMetadata(a.getId(), a.getInstanceId(), a.getKind(), a.getName(), a.getSizeBytes(),
                a.getSha256(), a.getUploadedBy(), a.getUploadedAt());
    }

    private SlbInstance instance(String loadBalancerId) {
        return instances.findByLoadBalancerId(loadBalancerId)
                .orElseThrow(() -> InstanceProblem.notFound(loadBalancerId));
    }

    private static ErrorResponseException notFound(String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        p.setTitle("Artifact not found");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, p, null);
    }

    private static ArtifactKind kind(String kind) {
        if (kind == null || kind.isBlank()) {
            throw new InvalidArtifactException("UnknownArtifactKind", "kind",
                    "kind is required; allowed kinds: " + String.join(", ", allowedKinds()) + ".");
        }
        return ArtifactKind.fromWireName(kind.strip()).orElseThrow(() -> new InvalidArtifactException(
                "UnknownArtifactKind", "kind",
                "Unknown artifact kind; allowed kinds: " + String.join(", ", allowedKinds()) + "."));
    }

    private static String name(String name, String fallback) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            return fallback == null ? "" : fallback;
        }
        if (n.length() > MAX_NAME) {
            throw new InvalidArtifactException("InvalidName", "name", "name must be at most " + MAX_NAME + " characters.");
        }
        return n;
    }

    private void checkSize(long bytes, String field) {
        if (bytes > properties.maxBytes()) {
            throw new InvalidArtifactException("ContentTooLarge", field, "The artifact has " + bytes
                    + " bytes; the limit is " + properties.maxBytes() + " bytes (slbdoctor.artifacts.max-bytes).");
        }
    }

    private static InvalidArtifactException binary(String field) {
        return new InvalidArtifactException("BinaryContent", field,
                "The artifact contains NUL bytes: only text is accepted (paste the command output or upload the text file).");
    }

    static String decode(byte[] bytes) {
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
                || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
            return new String(bytes, StandardCharsets.UTF_16); // honours the BOM, drops it
        }
        return decodeReplacing(bytes, StandardCharsets.UTF_8);
    }

    private static String decodeReplacing(byte[] bytes, Charset charset) {
        try {
            CharBuffer chars = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException(e); // REPLACE never throws
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
