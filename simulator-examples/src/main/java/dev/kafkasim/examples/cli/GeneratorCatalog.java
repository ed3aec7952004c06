package dev.kafkasim.examples.cli;

import dev.kafkasim.core.spi.GeneratorProvider;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/** Prints every generator type found on the class path, one per line: the type name, then its description. */
final class GeneratorCatalog {
    private GeneratorCatalog() {}

    static void print(ClassLoader classLoader, PrintWriter out) {
        List<GeneratorProvider> providers = ServiceLoader.load(GeneratorProvider.class, classLoader).stream()
                .map(ServiceLoader.Provider::get)
                .sorted(Comparator.comparing(GeneratorProvider::type))
                .toList();
        int width = providers.stream().mapToInt(p -> p.type().length()).max().orElse(0);
        for (GeneratorProvider provider : providers) {
            String description = provider.description();
            if (description == null || description.isBlank()) {
                out.println(provider.type());
            } else {
                out.printf("%-" + width + "s  %s%n", provider.type(), description);
            }
        }
        out.flush();
    }
}
