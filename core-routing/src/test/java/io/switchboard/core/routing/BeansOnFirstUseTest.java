package io.switchboard.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.core.Ordered;

class BeansOnFirstUseTest {

    record Named(String name, int order) implements Ordered {
        @Override
        public int getOrder() {
            return order;
        }
    }

    @Test
    void asksTheBeanFactoryOnceAndKeepsTheBeansInOrder() {
        DefaultListableBeanFactory factory = new DefaultListableBeanFactory();
        factory.registerSingleton("second", new Named("second", 2));
        factory.registerSingleton("first", new Named("first", 1));
        ObjectProvider<Named> provider = factory.getBeanProvider(Named.class);
        AtomicInteger lookups = new AtomicInteger();
        ObjectProvider<Named> counting = new ObjectProvider<>() {
            @Override
            public Stream<Named> orderedStream() {
                lookups.incrementAndGet();
                return provider.orderedStream();
            }

            @Override
            public Named getObject(Object... args) {
                return provider.getObject(args);
            }

            @Override
            public Named getIfAvailable() {
                return provider.getIfAvailable();
            }

            @Override
            public Named getIfUnique() {
                return provider.getIfUnique();
            }

            @Override
            public Named getObject() {
                return provider.getObject();
            }
        };
        BeansOnFirstUse<Named> beans = new BeansOnFirstUse<>(counting);

        assertThat(lookups).hasValue(0); // nothing is looked up while the context is still being built
        for (int i = 0; i < 1_000; i++) {
            assertThat(beans.get()).extracting(Named::name).containsExactly("first", "second");
        }
        assertThat(lookups).hasValue(1);
    }
}
