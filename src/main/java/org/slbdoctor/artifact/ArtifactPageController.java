package org.slbdoctor.artifact;

import java.io.IOException;
import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slbdoctor.instance.SlbInstance;
import org.slbdoctor.instance.SlbInstanceRepository;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The artifacts page of an instance: paste or upload (with the collection command of each kind), the
 * stored artifacts with their analyzer's summary, delete. Uploads go through {@link ArtifactService}
 * exactly as the REST API's, so the rules (kind, empty, binary, size) live in one place.
 */
@Controller
@RequestMapping("/instances/{loadBalancerId}/artifacts")
class ArtifactPageController {

    static final String VIEW = "artifacts/list";
    private static final String REDIRECT = "redirect:/instances/{loadBalancerId}/artifacts";
    /** Pasted text above this is not echoed back into the form after an error (the page would be huge). */
    static final int MAX_ECHO_CHARS = 1024 * 1024;

    private final ArtifactService artifacts;
    private final SlbInstanceRepository instances;
    private final MessageSource messages;

    ArtifactPageController(ArtifactService artifacts, SlbInstanceRepository instances, MessageSource messages) {
        this.artifacts = artifacts;
        this.instances = instances;
        this.messages = messages;
    }

    /** What the upload form shows: the values typed and the error of the last attempt, if any. */
    record UploadForm(String kind, String name, String content, String errorField, String errorCode,
            String errorMessage, boolean contentDropped) {

        static UploadForm empty(String kind) {
            return new UploadForm(kind, "", "", null, null, null, false);
        }

        public boolean hasError(String field) {
            return field.equals(errorField);
        }
    }

    @GetMapping
    String list(@PathVariable String loadBalancerId, @RequestParam(required = false) String kind, Model model) {
        SlbInstance instance = instance(loadBalancerId);
        String preselected = kind != null && ArtifactKind.fromWireName(kind).isPresent() ? kind : "";
        model.addAttribute("upload", UploadForm.empty(preselected));
        return view(model, instance);
    }

    @PostMapping
    String upload(@PathVariable String loadBalancerId, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String name, @RequestParam(required = false) String content,
            @RequestParam(required = false) MultipartFile file, Principal principal, Model model,
            RedirectAttributes redirect) throws IOException {
        SlbInstance instance = instance(loadBalancerId);
        String user = principal == null ? null : principal.getName();
        boolean fileChosen = file != null && (!file.isEmpty()
                || (file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank()));
        try {
            ArtifactDetails stored;
            if (fileChosen) {
                String n = name != null && !name.isBlank() ? name : ArtifactController.baseName(file.getOriginalFilename());
                stored = artifacts.upload(loadBalancerId, kind, n, file.getBytes(), user);
            } else {
                stored = artifacts.upload(loadBalancerId, kind, name, content, user);
            }
            redirect.addFlashAttribute("message", text("artifacts.stored", stored.metadata().name(), stored.summary()));
            return REDIRECT;
        } catch (InvalidArtifactException e) {
            Map<String, Object> p = e.getBody().getProperties() == null ? Map.of() : e.getBody().getProperties();
            String field = fieldOf(p);
            boolean drop = content != null && content.length() > MAX_ECHO_CHARS;
            model.addAttribute("upload", new UploadForm(kind == null ? "" : kind, name == null ? "" : name,
                    drop ? "" : content == null ? "" : content, field, String.valueOf(p.get("code")),
                    e.getBody().getDetail(), drop));
            return view(model, instance);
        }
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable String loadBalancerId, @PathVariable long id, RedirectAttributes redirect) {
        instance(loadBalancerId);
        artifacts.delete(loadBalancerId, id);
        redirect.addFlashAttribute("message", text("artifacts.deleted", id));
        return REDIRECT;
    }

    private String view(Model model, SlbInstance instance) {
        ArtifactPage page = artifacts.list(instance.getLoadBalancerId(), 0, ArtifactPage.MAX_SIZE);
        Map<Long, String> summaries = new HashMap<>();
        try {
            for (AnalyzedArtifact a : artifacts.analyzed(instance.getId())) {
                summaries.put(a.id(), a.facts().summary());
            }
        } catch (RuntimeException e) {
            // an analyzer bug: fall back to one by one, where the service turns it into a readable summary
            page.items().forEach(m -> summaries.put(m.id(),
                    artifacts.get(instance.getLoadBalancerId(), m.id(), false).summary()));
        }
        model.addAttribute("instance", instance);
        model.addAttribute("artifacts", page.items());
        model.addAttribute("totalArtifacts", page.total());
        model.addAttribute("summaries", summaries);
        model.addAttribute("kinds", ArtifactCommands.ALL);
        model.addAttribute("maxBytes", artifacts.maxBytes());
        model.addAttribute("maxMiB", artifacts.maxBytes() / (1024 * 1024));
        return VIEW;
    }

    @SuppressWarnings("unchecked")
    private static String fieldOf(Map<String, Object> properties) {
        Object errors = properties.get("errors");
        if (errors instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> first) {
            Object field = first.get("field");
            return field == null ? "content" : field.toString();
        }
        return "content";
    }

    private SlbInstance instance(String loadBalancerId) {
        return instances.findByLoadBalancerId(loadBalancerId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
