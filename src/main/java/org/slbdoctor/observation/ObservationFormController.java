package org.slbdoctor.observation;

import java.security.Principal;
import java.util.List;
import org.slbdoctor.instance.SlbInstance;
import org.slbdoctor.instance.SlbInstanceRepository;
import org.slbdoctor.web.ApiExceptionHandler.FieldProblem;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The observations form of an instance. Saving goes through {@link ObservationsJson#parse} exactly as
 * the REST PUT does, and stores a new version. Writes need OPERATOR (security config: every UI POST).
 */
@Controller
@RequestMapping("/instances/{loadBalancerId}/observations")
class ObservationFormController {

    static final String VIEW = "observations/form";
    private static final String REDIRECT = "redirect:/instances/{loadBalancerId}/observations";

    private final ObservationService observations;
    private final SlbInstanceRepository instances;
    private final MessageSource messages;

    ObservationFormController(ObservationService observations, SlbInstanceRepository instances,
            MessageSource messages) {
        this.observations = observations;
        this.instances = instances;
        this.messages = messages;
    }

    @GetMapping
    String initForm(@PathVariable String loadBalancerId, Model model) {
        SlbInstance instance = instance(loadBalancerId);
        CurrentObservations current = observations.current(instance.getId());
        model.addAttribute("form", ObservationForm.of(current.observations()));
        return view(model, instance, current);
    }

    @PostMapping
    String processForm(@PathVariable String loadBalancerId, @RequestParam MultiValueMap<String, String> params,
            Principal principal, Model model, RedirectAttributes redirect) {
        SlbInstance instance = instance(loadBalancerId);
        ObservationForm form = ObservationForm.from(params);
        List<FieldProblem> formProblems = form.formOnlyProblems();
        try {
            Observations parsed = ObservationsJson.parse(form.toJson());
            if (formProblems.isEmpty()) {
                CurrentObservations saved = observations.replace(loadBalancerId, parsed,
                        principal == null ? null : principal.getName());
                redirect.addFlashAttribute("message", text("obs.saved", saved.version()));
                return REDIRECT;
            }
            form.reject(formProblems);
        } catch (InvalidObservationsException e) {
            form.reject(formProblems);
            form.reject(e.errors());
        } catch (DataIntegrityViolationException e) {
            // someone saved the same version at the same moment: keep what was typed, ask to save again
            model.addAttribute("error", text("obs.concurrent"));
        }
        model.addAttribute("form", form);
        return view(model, instance, observations.current(instance.getId()));
    }

    private String view(Model model, SlbInstance instance, CurrentObservations current) {
        model.addAttribute("instance", instance);
        model.addAttribute("current", current);
        model.addAttribute("statusCodes", ObservationForm.STATUS_CODES);
        model.addAttribute("choiceOptions", ObservationForm.CHOICES);
        model.addAttribute("maxNotes", ObservationsJson.MAX_NOTES_CHARS);
        return VIEW;
    }

    private SlbInstance instance(String loadBalancerId) {
        return instances.findByLoadBalancerId(loadBalancerId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
