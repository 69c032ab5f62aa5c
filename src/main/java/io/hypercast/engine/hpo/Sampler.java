package io.hypercast.engine.hpo;

import java.util.List;
import java.util.Map;

/**
 * Suggests the hyperparameters of the next trial (SPEC section 4).
 *
 * <p>Implementations are deterministic: a suggestion depends only on the sampler's seed, the trial
 * number and the two lists, never on shared mutable state, so that concurrent and resumed runs
 * reproduce the same suggestions. They are safe to call from several threads at once.
 */
public interface Sampler {

    /**
     * @param trialNumber the number of the trial being suggested (seeds this suggestion's random stream)
     * @param finished completed trials with a finite objective, oldest first; failed trials are left out
     * @param pending parameters of trials suggested but not finished yet, oldest first
     * @return one entry per search-space parameter, in space order: Long for integral distributions,
     *     Double for other numeric ones, and for Choice and Constant the value itself
     */
    Map<String, Object> suggest(int trialNumber, List<Observation> finished, List<Map<String, Object>> pending);
}
