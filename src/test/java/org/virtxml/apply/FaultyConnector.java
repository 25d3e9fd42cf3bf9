package org.virtxml.apply;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.function.BiFunction;
import org.virtxml.connect.Connector;

/** A connector that passes every call to another one, except where a fault is injected. */
final class FaultyConnector {
    private FaultyConnector() {}

    /**
     * A connector that calls {@code fault} before each call: a non-null exception it returns is
     * thrown instead of making the call.
     */
    static Connector wrap(Connector delegate, BiFunction<String, Object[], RuntimeException> fault) {
        return (Connector) Proxy.newProxyInstance(
                Connector.class.getClassLoader(), new Class<?>[] {Connector.class}, (proxy, method, args) -> {
                    if (!method.isDefault()) {
                        RuntimeException injected = fault.apply(method.getName(), args == null ? new Object[0] : args);
                        if (injected != null) {
                            throw injected;
                        }
                    }
                    try {
                        if (method.isDefault()) {
                            return java.lang.reflect.InvocationHandler.invokeDefault(proxy, method, args);
                        }
                        return method.invoke(delegate, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
