package org.notifyhub.broadcasts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

/**
 * The polygons a broadcast is sent to. Notify sent what a CAP alert gave unless it had more than 12 polygons or
 * 250 points; then it smoothed and simplified them. Here the polygons are merged and grown by a small, doubling
 * margin while their outline is simplified by the same margin, until they fit: the area only ever grows, so nobody
 * inside the alert's area is left out. Pairs are [latitude, longitude], as CAP writes them and Notify stored them.
 */
public final class BroadcastAreas {

    public static final int MAX_POLYGONS = 12;
    public static final int MAX_POINTS = 250;
    /** About 11 m at UK latitudes: the first margin tried. */
    private static final double FIRST_MARGIN_DEGREES = 0.0001;
    private static final int MAX_ROUNDS = 24;
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private BroadcastAreas() {
    }

    public static List<List<double[]>> simple(List<List<double[]>> polygons) {
        int points = polygons.stream().mapToInt(List::size).sum();
        if (polygons.size() <= MAX_POLYGONS && points <= MAX_POINTS) {
            return polygons;
        }
        Geometry merged = GEOMETRY.createGeometryCollection(polygons.stream().map(BroadcastAreas::polygon)
                .toArray(Geometry[]::new)).buffer(0);
        double margin = FIRST_MARGIN_DEGREES;
        Geometry simplified = merged;
        for (int round = 0; round < MAX_ROUNDS && !fits(simplified); round++) {
            simplified = TopologyPreservingSimplifier.simplify(merged.buffer(margin), margin);
            margin *= 2;
        }
        return pairs(simplified);
    }

    private static boolean fits(Geometry geometry) {
        return geometry.getNumGeometries() <= MAX_POLYGONS && geometry.getNumPoints() <= MAX_POINTS;
    }

    private static Polygon polygon(List<double[]> latLongs) {
        List<Coordinate> ring = new ArrayList<>();
        latLongs.forEach(pair -> ring.add(new Coordinate(pair[1], pair[0])));
        if (!ring.get(0).equals2D(ring.get(ring.size() - 1))) {
            ring.add(ring.get(0));
        }
        return GEOMETRY.createPolygon(ring.toArray(Coordinate[]::new));
    }

    /** Each polygon's outer ring, largest first. */
    private static List<List<double[]>> pairs(Geometry geometry) {
        List<Polygon> parts = new ArrayList<>();
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            if (geometry.getGeometryN(i) instanceof Polygon part) {
                parts.add(part);
            }
        }
        parts.sort(Comparator.comparingDouble(Geometry::getArea).reversed());
        List<List<double[]>> out = new ArrayList<>();
        for (Polygon part : parts) {
            List<double[]> ring = new ArrayList<>();
            for (Coordinate c : part.getExteriorRing().getCoordinates()) {
                ring.add(new double[] {round(c.y), round(c.x)});
            }
            out.add(ring);
        }
        return out;
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1_000_000d) / 1_000_000d;
    }
}
