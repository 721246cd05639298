package io.cdcsuite.it.env;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects the {@link TestEnvironment}: one per test JVM, started by the first scenario that asks for it, shared by
 * all, and closed (every process stopped) when JUnit closes its root context at the end of the run.
 */
public final class StackExtension implements ParameterResolver {
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestEnvironment.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(SharedEnvironment.class, key -> new SharedEnvironment(Environments.create()),
                        SharedEnvironment.class)
                .environment();
    }

    /** Closes the environment with the root context. */
    private record SharedEnvironment(TestEnvironment environment) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            environment.close();
        }
    }
}
