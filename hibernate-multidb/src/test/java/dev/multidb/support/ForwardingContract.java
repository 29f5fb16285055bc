package dev.multidb.support;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guard of a generated forwarding class: every method of the interface, called on the forwarding class,
 * reaches the target once with the same arguments, and its result comes back unchanged (or, for a fluent setter,
 * the forwarding object itself).
 */
public final class ForwardingContract {

    private ForwardingContract() {
    }

    /**
     * @param forwarding makes the forwarding object around a target
     * @param fluent     whether methods returning the interface (or a super-interface) return the forwarding object
     */
    public static void check(Class<?> type, Function<Object, Object> forwarding, boolean fluent) throws Exception {
        List<String> calls = new ArrayList<>();
        Object target = Proxy.newProxyInstance(ForwardingContract.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    calls.add(method.getName() + Arrays.toString(args == null ? new Object[0] : args));
                    return resultFor(method.getReturnType());
                });
        Object forwarder = forwarding.apply(target);
        int methods = 0;
        for (Method method : type.getMethods()) {
            if (Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            methods++;
            Object[] args = argumentsFor(method);
            calls.clear();
            Object result = method.invoke(forwarder, args);
            assertThat(calls).as(method.toString()).containsExactly(method.getName() + Arrays.toString(args));
            Object expected = resultFor(method.getReturnType());
            if (fluent && method.getReturnType().isInterface() && method.getReturnType().isAssignableFrom(type)) {
                assertThat(result).as(method + " returns the forwarding object").isSameAs(forwarder);
            } else if (expected == null || expected instanceof Number || expected instanceof Boolean
                    || expected instanceof String) {
                assertThat(result).as(method.toString()).isEqualTo(expected);
            } else {
                assertThat(result).as(method.toString()).isNotNull().isInstanceOf(method.getReturnType());
            }
        }
        assertThat(methods).as("methods of " + type.getName()).isGreaterThan(5);
    }

    private static Object[] argumentsFor(Method method) {
        Class<?>[] types = method.getParameterTypes();
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            args[i] = types[i] == int.class ? 10 + i : types[i] == long.class ? 20L + i
                    : types[i] == boolean.class ? Boolean.TRUE : types[i] == String.class ? "argument" + i
                    : types[i].isPrimitive() ? defaultPrimitive(types[i]) : null;
        }
        return args;
    }

    private static Object defaultPrimitive(Class<?> type) {
        return java.lang.reflect.Array.get(java.lang.reflect.Array.newInstance(type, 1), 0);
    }

    private static Object resultFor(Class<?> type) {
        if (type == void.class) {
            return null;
        }
        if (type == int.class) {
            return 7;
        }
        if (type == long.class) {
            return 8L;
        }
        if (type == boolean.class) {
            return true;
        }
        if (type.isPrimitive()) {
            return defaultPrimitive(type);
        }
        if (type == String.class) {
            return "result";
        }
        if (type.isArray()) {
            return java.lang.reflect.Array.newInstance(type.getComponentType(), 1);
        }
        if (type.isInterface()) {
            return Proxy.newProxyInstance(ForwardingContract.class.getClassLoader(), new Class<?>[] {type},
                    (proxy, method, args) -> method.getName().equals("toString") ? "stub" : null);
        }
        return null;
    }
}
