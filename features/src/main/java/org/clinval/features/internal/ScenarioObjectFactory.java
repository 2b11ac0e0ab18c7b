package org.clinval.features.internal;

import io.cucumber.core.backend.ObjectFactory;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.HashMap;
import java.util.Map;

/**
 * Cucumber's object factory for this module: one instance of each glue class per scenario, built
 * through its single public constructor, whose parameters are themselves built the same way (once
 * per scenario). Glue classes thus share a per-scenario world by taking it in their constructor,
 * and nothing survives from one scenario to the next.
 *
 * <p>Registered as a service, so Cucumber uses it wherever this module is on the class path.
 */
public final class ScenarioObjectFactory implements ObjectFactory {

    private final Map<Class<?>, Object> instances = new HashMap<>();

    @Override
    public void start() {
        instances.clear();
    }

    @Override
    public void stop() {
        instances.clear();
    }

    @Override
    public boolean addClass(Class<?> glueClass) {
        return true;
    }

    @Override
    public <T> T getInstance(Class<T> type) {
        Object o = instances.get(type);
        if (o == null) {
            o = create(type);
            instances.put(type, o);
        }
        return type.cast(o);
    }

    private Object create(Class<?> type) {
        Constructor<?>[] constructors = type.getConstructors();
        if (constructors.length != 1) {
            throw new IllegalStateException(
                    type.getName()
                            + " needs exactly one public constructor to be built per scenario, has "
                            + constructors.length);
        }
        Constructor<?> c = constructors[0];
        Object[] args = new Object[c.getParameterCount()];
        for (int i = 0; i < args.length; i++) {
            Class<?> p = c.getParameterTypes()[i];
            if (p == type) {
                throw new IllegalStateException(
                        type.getName() + " takes itself in its constructor");
            }
            args[i] = getInstance(p);
        }
        try {
            return c.newInstance(args);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(
                    "cannot build " + type.getName() + ": " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getName() + ": " + e, e);
        }
    }
}
