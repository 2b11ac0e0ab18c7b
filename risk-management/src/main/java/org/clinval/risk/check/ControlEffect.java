package org.clinval.risk.check;

import java.util.Objects;
import org.clinval.risk.ControlKind;
import org.clinval.risk.HazardControl;

/**
 * A control as applied to one hazard, with whether it counted in the residual risk.
 *
 * @param reduction the reduction the register credits to the control for this hazard
 * @param kind the kind of the control
 * @param effective whether the control is effective; if not, its reduction was not applied
 */
public record ControlEffect(HazardControl reduction, ControlKind kind, boolean effective) {

    public ControlEffect {
        Objects.requireNonNull(reduction, "reduction");
        Objects.requireNonNull(kind, "kind");
    }

    /** Returns the control's id. */
    public String control() {
        return reduction.control();
    }
}
