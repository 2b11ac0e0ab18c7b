package org.clinval.workflows.delegate;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** A process execution without an engine: variables in a map and a current activity. */
final class FakeExecution {

    final Map<String, Object> variables = new HashMap<>();
    final String activityId;

    FakeExecution(String activityId) {
        this.activityId = activityId;
    }

    DelegateExecution proxy() {
        return (DelegateExecution)
                Proxy.newProxyInstance(
                        DelegateExecution.class.getClassLoader(),
                        new Class<?>[] {DelegateExecution.class},
                        (p, m, a) ->
                                switch (m.getName()) {
                                    case "getVariable" -> variables.get((String) a[0]);
                                    case "setVariable" -> variables.put((String) a[0], a[1]);
                                    case "getCurrentActivityId" -> activityId;
                                    case "hashCode" -> System.identityHashCode(p);
                                    case "equals" -> p == a[0];
                                    case "toString" -> "execution at " + activityId;
                                    default ->
                                            throw new UnsupportedOperationException(
                                                    "not faked: " + m.getName());
                                });
    }
}
