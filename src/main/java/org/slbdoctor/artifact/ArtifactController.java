package org.slbdoctor.artifact;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import org.slbdoctor.web.PageParams;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/instances/{id}/artifacts}: upload (JSON or multipart), list, show, download, remove.
 * Roles come from the security configuration (writes need OPERATOR).
 */
@RestController
@RequestMapping("/api/instances/{loadBalancerId}/artifacts")
class ArtifactController {

    private final ArtifactService service;

    ArtifactController(ArtifactService service) {
        this.service = service;
    }

    /**
     * The JSON body, read from the tree so that a wrong type (a number for {@code content}) is a bad field
     * listed with the others, not coerced to text. Unknown properties are ignored so clients may send more
     * (e.g. a description).
     */
    record UploadRequest(String kind, String name, String content) {

        static UploadRequest read(JsonNode body, List<InvalidArtifactException.Problem> problems) {
            if (body == null || !body.isObject()) {
                throw new InvalidArtifactException("MalformedBody", "",
                        "The body must be a JSON object {\"kind\", \"name\", \"content\"}.");
            }
            return new UploadRequest(text(body, "kind", problems), text(body, "name", problems),
                    text(body, "content", problems));
        }

        private static String text(JsonNode body, String field, List<InvalidArtifactException.Problem> problems) {
            JsonNode n = body.get(field);
            if (n == null || n.isNull()) {
                return null;
            }
            if (!n.isString()) {
                problems.add(new InvalidArtifactException.Problem("InvalidType", field, field + " must be a string."));
                return null;
            }
            return n.asString();
        }
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ArtifactDetails> uploadJson(@PathVariable String loadBalancerId,
            @RequestBody(required = false) JsonNode body, Principal principal) {
        List<InvalidArtifactException.Problem> problems = new ArrayList<>();
        UploadRequest b = UploadRequest.read(body, problems);
        return created(loadBalancerId, service.upload(loadBalancerId, b.kind(), b.name(), b.content(), user(principal),
                problems));
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ArtifactDetails> uploadFile(@PathVariable String loadBalancerId,
            @RequestParam(name = "kind", required = false) String kind,
            @RequestParam(name = "name", required = false) String name,
            @RequestPart(name = "file", required = false) MultipartFile file, Principal principal) throws IOException {
        String n = name != null && !name.isBlank() ? name
                : file == null ? null : baseName(file.getOriginalFilename());
        byte[] bytes = file == null ? null : file.getBytes();
        return created(loadBalancerId, service.upload(loadBalancerId, kind, n, bytes, user(principal)));
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    ArtifactPage list(@PathVariable String loadBalancerId, @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        PageParams paging = PageParams.of(page, size);
        return service.list(loadBalancerId, paging.page(), paging.size());
    }

    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ArtifactDetails show(@PathVariable String loadBalancerId, @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean content) {
        return service.get(loadBalancerId, id, content);
    }

    /** The stored text as a download. */
    @GetMapping(path = "/{id}/content")
    ResponseEntity<String> content(@PathVariable String loadBalancerId, @PathVariable long id) {
        Artifact a = service.content(loadBalancerId, id);
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .header("Content-Disposition", org.springframework.http.ContentDisposition.attachment()
                        .filename(a.getName() + ".txt", StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(a.getContent());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String loadBalancerId, @PathVariable long id) {
        service.delete(loadBalancerId, id);
    }

    private static ResponseEntity<ArtifactDetails> created(String loadBalancerId, ArtifactDetails details) {
        return ResponseEntity.created(URI.create("/api/instances/" + loadBalancerId + "/artifacts/"
                + details.metadata().id())).body(details);
    }

    private static String user(Principal principal) {
        return principal == null ? null : principal.getName();
    }

    /** Browsers may send a path ({@code C:\logs\error.log}); keep the last segment. */
    static String baseName(String filename) {
        if (filename == null) {
            return null;
        }
        int cut = Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\'));
        String n = filename.substring(cut + 1).strip();
        return n.length() > ArtifactService.MAX_NAME ? n.substring(0, ArtifactService.MAX_NAME) : n;
    }
}
