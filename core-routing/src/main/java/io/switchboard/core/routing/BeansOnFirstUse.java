package io.switchboard.core.routing;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The beans of an {@link ObjectProvider}, in order, looked up on first use and kept. Iterating the provider
 * asks the bean factory every time (candidate names, type matching, annotations); on a path every message takes,
 * that was most of the work. First use comes with the first message, after start-up has created every singleton;
 * the hub registers no bean later.
 */
final class BeansOnFirstUse<T> implements Supplier<List<T>> {

    private final ObjectProvider<T> provider;
    private volatile List<T> beans;

    BeansOnFirstUse(ObjectProvider<T> provider) {
        this.provider = provider;
    }

    @Override
    public List<T> get() {
        List<T> current = beans;
        if (current == null) {
            current = provider.orderedStream().toList();
            beans = current;
        }
        return current;
    }
}
