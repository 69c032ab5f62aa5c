package io.hypercast.engine.hpo;

/**
 * The knobs of the TPE. {@link #hyperopt(int)} gives hyperopt's defaults, which the product uses;
 * the other values exist for the benchmark's search for better settings.
 *
 * @param nStartupJobs random suggestions until this many trials (finished or pending) exist
 * @param nEiCandidates candidates drawn from the good density per parameter
 * @param gamma the good group holds ceil(gamma * sqrt(n)) trials ({@link Split#SQRT}, hyperopt) or
 *     ceil(gamma * n) ({@link Split#LINEAR}, as Optuna)...
 * @param split ...depending on this rule...
 * @param gammaCap ...but at most this many
 * @param priorWeight weight of the prior component (and pseudocount of each Choice value)
 * @param linearForgetting the newest this many observations of a group weigh fully, older ones less
 * @param bandwidthFactor scales hyperopt's smallest kernel width, prior_sigma / min(100, 1 + kernels), down to
 *     prior_sigma / min(100, factor * (1 + kernels)); 1 is hyperopt, more lets the good density sharpen sooner
 */
public record TpeSettings(int nStartupJobs, int nEiCandidates, double gamma, Split split, int gammaCap,
                          double priorWeight, int linearForgetting, double bandwidthFactor) {

    /** How the size of the good group grows with the number of trials. */
    public enum Split {
        /** ceil(gamma * sqrt(n)): hyperopt's ap_split_trials. */
        SQRT,
        /** ceil(gamma * n): Optuna's default gamma. */
        LINEAR
    }

    public TpeSettings {
        if (nStartupJobs < 0) {
            throw new IllegalArgumentException("nStartupJobs must be 0 or more, got " + nStartupJobs);
        }
        if (nEiCandidates < 1) {
            throw new IllegalArgumentException("nEiCandidates must be at least 1, got " + nEiCandidates);
        }
        if (!(gamma > 0 && gamma <= 1)) {
            throw new IllegalArgumentException("gamma must be in (0, 1], got " + gamma);
        }
        if (split == null) {
            throw new IllegalArgumentException("split must be given");
        }
        if (gammaCap < 1) {
            throw new IllegalArgumentException("gammaCap must be at least 1, got " + gammaCap);
        }
        if (!(priorWeight > 0) || !Double.isFinite(priorWeight)) {
            throw new IllegalArgumentException("priorWeight must be a positive number, got " + priorWeight);
        }
        if (linearForgetting < 1) {
            throw new IllegalArgumentException("linearForgetting must be at least 1, got " + linearForgetting);
        }
        if (!(bandwidthFactor >= 1) || !Double.isFinite(bandwidthFactor)) {
            throw new IllegalArgumentException("bandwidthFactor must be a number of at least 1, got " + bandwidthFactor);
        }
    }

    /**
     * hyperopt's tpe.suggest defaults: 24 candidates, gamma 0.25 of the square-root split capped at 25,
     * prior weight 1, linear forgetting 25, its kernel widths.
     */
    public static TpeSettings hyperopt(int nStartupJobs) {
        return new TpeSettings(nStartupJobs, 24, 0.25, Split.SQRT, 25, 1.0, 25, 1.0);
    }

    /** Size of the good group among n trials. */
    int goodCount(int n) {
        double size = split == Split.SQRT ? gamma * Math.sqrt(n) : gamma * n;
        return (int) Math.min(Math.ceil(size), gammaCap);
    }
}
