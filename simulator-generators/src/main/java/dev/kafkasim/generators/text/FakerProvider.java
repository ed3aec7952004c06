package dev.kafkasim.generators.text;

import dev.kafkasim.core.spi.FieldGenerator;
import dev.kafkasim.core.spi.GenerationContext;
import dev.kafkasim.core.spi.GeneratorProvider;
import dev.kafkasim.core.spi.GeneratorSpec;
import dev.kafkasim.core.spi.ValueType;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import net.datafaker.Faker;

/**
 * Creates {@code faker} generators: text from a <a href="https://www.datafaker.net/">Datafaker</a>
 * {@code expression} such as {@code #{Name.fullName}} or {@code #{Address.city}}, in the {@code locale} given as a
 * language tag (default {@code en}). Every random choice comes from the field's seeded random source, so the same
 * seed gives the same text. The expression is evaluated once at load, so that a misspelled provider or method is
 * rejected there.
 *
 * <pre>{@code customer_name { type = faker, expression = "#{Name.fullName}", locale = de-CH }}</pre>
 */
public final class FakerProvider implements GeneratorProvider {
    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public FakerProvider() {}

    @Override
    public String type() {
        return "faker";
    }

    @Override
    public String description() {
        return "text from a Datafaker expression such as \"#{Name.fullName}\", in a locale";
    }

    @Override
    public FieldGenerator create(GeneratorSpec spec) {
        spec.declare(ValueType.STRING);
        String expression = spec.getString("expression");
        String tag = spec.getString("locale", "en");
        Locale locale = readLocale(spec, tag);
        if (!spec.has("expression") || locale == null) {
            return context -> null;
        }
        FakerGenerator generator = new FakerGenerator(expression, locale);
        String error = generator.check();
        if (error != null) {
            spec.reject(
                    "expression",
                    "\"" + expression + "\"",
                    "a Datafaker expression such as #{Name.fullName} (" + error + ")");
            return context -> null;
        }
        return generator;
    }

    /**
     * Reads the locale, rejecting tags that are malformed or name an unknown language or country, because Datafaker
     * falls back to English for a locale it does not know without saying so.
     */
    private static Locale readLocale(GeneratorSpec spec, String tag) {
        Locale locale;
        try {
            locale = new Locale.Builder().setLanguageTag(tag).build();
        } catch (IllformedLocaleException e) {
            spec.reject("locale", tag, "a language tag such as en, en-GB or de-CH");
            return null;
        }
        boolean knownLanguage = Set.of(Locale.getISOLanguages()).contains(locale.getLanguage());
        boolean knownCountry = locale.getCountry().isEmpty()
                || Set.of(Locale.getISOCountries()).contains(locale.getCountry());
        if (!knownLanguage || !knownCountry) {
            spec.reject(
                    "locale",
                    tag,
                    "a language tag of an ISO 639 language and an optional ISO 3166 country, such as en, en-GB or"
                            + " de-CH");
            return null;
        }
        return locale;
    }

    /** Evaluates one expression with a Faker whose random source is the calling field's. */
    private static final class FakerGenerator implements FieldGenerator {
        private final String expression;
        private final DelegatingRandom random = new DelegatingRandom();
        private final Faker faker;

        FakerGenerator(String expression, Locale locale) {
            this.expression = expression;
            this.faker = new Faker(locale, random);
        }

        /** Evaluates the expression once with a fixed seed, and returns the error message or {@code null}. */
        String check() {
            random.source = new SplittableRandom(0);
            try {
                faker.expression(expression);
                return null;
            } catch (RuntimeException e) {
                if (e.getMessage() == null) {
                    return e.getClass().getSimpleName();
                }
                // Datafaker appends its internal context objects, which mean nothing to the user.
                int context = e.getMessage().indexOf(" for FakerContext");
                return context < 0 ? e.getMessage() : e.getMessage().substring(0, context);
            } finally {
                random.source = null;
            }
        }

        @Override
        public Object next(GenerationContext context) {
            random.source = context.random();
            try {
                return faker.expression(expression);
            } finally {
                random.source = null;
            }
        }
    }

    /**
     * A {@link Random} that takes every bit from the {@link SplittableRandom} set before each call, because
     * Datafaker accepts only a {@code java.util.Random}. Every method of {@code Random} draws through
     * {@link #next(int)}, so overriding it is enough.
     */
    private static final class DelegatingRandom extends Random {
        private static final long serialVersionUID = 1L;

        private transient SplittableRandom source;

        @Override
        protected int next(int bits) {
            return source.nextInt() >>> (32 - bits);
        }
    }
}
