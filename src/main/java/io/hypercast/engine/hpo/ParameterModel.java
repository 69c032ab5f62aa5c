package io.hypercast.engine.hpo;

import io.hypercast.model.Choice;
import io.hypercast.model.Constant;
import io.hypercast.model.Distribution;
import java.util.random.RandomGenerator;

/** How the TPE suggests one parameter from the values it took in the good and the bad trials. */
interface ParameterModel {

    /**
     * @param good the parameter's values in the good trials, oldest first
     * @param bad its values in the other trials and the pending ones, oldest first
     */
    Object suggest(Object[] good, Object[] bad, RandomGenerator rng);

    static ParameterModel of(Distribution d, TpeSettings settings) {
        Axis axis = Axis.of(d);
        if (axis != null) {
            return new NumericModel(axis, settings);
        }
        if (d instanceof Choice c) {
            return new ChoiceModel(c, settings);
        }
        Object value = ((Constant) d).value();
        return (good, bad, rng) -> value;
    }
}
