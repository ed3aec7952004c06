package dev.kafkasim.examples.plugin;

import dev.kafkasim.core.RecordSchema;
import dev.kafkasim.core.RecordValue;
import dev.kafkasim.core.spi.FieldGenerator;
import dev.kafkasim.core.spi.GenerationContext;
import dev.kafkasim.core.spi.GeneratorProvider;
import dev.kafkasim.core.spi.GeneratorSpec;
import dev.kafkasim.core.spi.ValueType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Creates {@code vehicle-position} generators: the position of each vehicle (each record key) as it drives at a
 * constant speed from a start point, turning by a random angle between readings. The value is an object with
 * {@code lat}, {@code lon} (degrees, rounded to 6 places) and {@code heading} (degrees clockwise from north).
 *
 * <pre>{@code
 * position { type = vehicle-position, start-lat = 52.52, start-lon = 13.405, speed-kmh = 40, turn-stddev = 15 }
 * }</pre>
 *
 * <p>Distance comes from the event time between a vehicle's readings, so the track is the same at any sending
 * speed. The flat-earth step is accurate to well under a metre for the short distances between readings.
 */
public final class VehiclePositionProvider implements GeneratorProvider {
    private static final RecordSchema SCHEMA = RecordSchema.of("lat", "lon", "heading");
    private static final double KM_PER_DEGREE_LAT = 111.32;

    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public VehiclePositionProvider() {}

    @Override
    public String type() {
        return "vehicle-position";
    }

    @Override
    public String description() {
        return "per-vehicle position {lat, lon, heading} driving at a constant speed with random turns";
    }

    @Override
    public FieldGenerator create(GeneratorSpec spec) {
        double startLat = spec.getDouble("start-lat");
        double startLon = spec.getDouble("start-lon");
        double speedKmh = spec.getDouble("speed-kmh", 40);
        double turnStddev = spec.getDouble("turn-stddev", 15);
        if (spec.has("start-lat") && (startLat < -85 || startLat > 85)) {
            spec.reject("start-lat", startLat, "a latitude from -85 to 85 degrees");
        }
        if (spec.has("start-lon") && (startLon < -180 || startLon > 180)) {
            spec.reject("start-lon", startLon, "a longitude from -180 to 180 degrees");
        }
        if (!(speedKmh >= 0)) {
            spec.reject("speed-kmh", speedKmh, "a speed of 0 km/h or more");
        }
        if (!(turnStddev >= 0)) {
            spec.reject("turn-stddev", turnStddev, "a number of degrees, 0 or more");
        }
        spec.declare(ValueType.objectOf(SCHEMA, List.of(ValueType.DOUBLE, ValueType.DOUBLE, ValueType.DOUBLE)));
        return new Tracks(startLat, startLon, speedKmh, turnStddev);
    }

    /** The last position of each vehicle, keyed by the record key. */
    private static final class Tracks implements FieldGenerator {
        private final double startLat;
        private final double startLon;
        private final double speedKmh;
        private final double turnStddev;
        private final Map<Object, Position> positions = new HashMap<>();

        Tracks(double startLat, double startLon, double speedKmh, double turnStddev) {
            this.startLat = startLat;
            this.startLon = startLon;
            this.speedKmh = speedKmh;
            this.turnStddev = turnStddev;
        }

        @Override
        public Object next(GenerationContext context) {
            Position position = positions.get(context.key());
            if (position == null) {
                position = new Position(startLat, startLon, context.random().nextDouble(360), context.eventTime());
            } else {
                position = position.drive(context, speedKmh, turnStddev);
            }
            positions.put(context.key(), position);
            return RecordValue.of(
                    SCHEMA, new Object[] {round(position.lat()), round(position.lon()), round(position.heading())});
        }

        private static double round(double value) {
            return Math.round(value * 1e6) / 1e6;
        }
    }

    private record Position(double lat, double lon, double heading, long time) {
        Position drive(GenerationContext context, double speedKmh, double turnStddev) {
            double hours = Math.max(0, context.eventTime() - time) / 3_600_000.0;
            double newHeading = ((heading + turnStddev * context.random().nextGaussian()) % 360 + 360) % 360;
            double distance = speedKmh * hours;
            double radians = Math.toRadians(newHeading);
            double newLat = lat + distance * Math.cos(radians) / KM_PER_DEGREE_LAT;
            double newLon = lon + distance * Math.sin(radians) / (KM_PER_DEGREE_LAT * Math.cos(Math.toRadians(lat)));
            return new Position(Math.max(-85, Math.min(85, newLat)), wrap(newLon), newHeading, context.eventTime());
        }

        private static double wrap(double lon) {
            return ((lon + 540) % 360) - 180;
        }
    }
}
