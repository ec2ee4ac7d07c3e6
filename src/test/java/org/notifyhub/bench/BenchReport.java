package org.notifyhub.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;
import org.notifyhub.bench.PipelineSampler.Sample;

/** The harness's output: the table (markdown), everything measured (JSON) and the run over time (PNG). */
final class BenchReport {

    /**
     * One line of the table. {@code target} is the threshold (null: a baseline or context, no target), {@code atLeast}
     * whether the value must reach it or stay under it; the ratio is always value ÷ target.
     */
    record Row(String id, String measure, double value, String unit, Double target, boolean atLeast, String note) {

        static Row info(String id, String measure, double value, String unit, String note) {
            return new Row(id, measure, value, unit, null, true, note);
        }

        Double ratio() {
            return target == null || target == 0 ? null : value / target;
        }

        Boolean met() {
            if (target == null || Double.isNaN(value)) {
                return null;
            }
            return atLeast ? value >= target : value <= target;
        }
    }

    private final List<Row> rows = new ArrayList<>();
    private final Map<String, Object> details = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    void add(Row row) {
        rows.add(row);
    }

    void detail(String key, Object value) {
        details.put(key, value);
    }

    void note(String note) {
        notes.add(note);
    }

    List<Row> rows() {
        return rows;
    }

    String markdown(String heading) {
        StringBuilder md = new StringBuilder("## ").append(heading).append("\n\n");
        md.append("| id | measure | value | target | ratio | met? |\n|---|---|---|---|---|---|\n");
        for (Row row : rows) {
            md.append("| ").append(row.id()).append(" | ").append(row.measure())
                    .append(row.note() == null ? "" : " (" + row.note() + ")").append(" | ")
                    .append(number(row.value())).append(' ').append(row.unit()).append(" | ")
                    .append(row.target() == null ? "—" : (row.atLeast() ? "≥ " : "≤ ") + number(row.target()) + " " + row.unit())
                    .append(" | ").append(row.ratio() == null ? "—" : String.format(Locale.ROOT, "%.2f", row.ratio()))
                    .append(" | ").append(row.met() == null ? "—" : row.met() ? "yes" : "**no**").append(" |\n");
        }
        if (!notes.isEmpty()) {
            md.append('\n');
            notes.forEach(note -> md.append("- ").append(note).append('\n'));
        }
        return md.toString();
    }

    void write(Path folder, String heading, List<Sample> samples) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("pipeline.md"), markdown(heading));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("heading", heading);
        json.put("rows", rows.stream().map(row -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", row.id());
            r.put("measure", row.measure());
            r.put("value", Double.isNaN(row.value()) ? null : row.value());
            r.put("unit", row.unit());
            r.put("target", row.target());
            r.put("target_kind", row.target() == null ? null : row.atLeast() ? "at_least" : "at_most");
            r.put("ratio", row.ratio());
            r.put("met", row.met());
            r.put("note", row.note());
            return r;
        }).toList());
        json.put("notes", notes);
        json.put("details", details);
        json.put("samples", samples);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(folder.resolve("pipeline.json").toFile(), json);
        ImageIO.write(chart(samples), "png", folder.resolve("pipeline.png").toFile());
    }

    /** Three panels over the run's time: rates per second, backlog (rows and queued messages), RSS. */
    static BufferedImage chart(List<Sample> samples) {
        int width = 1400;
        int panel = 260;
        int top = 70;
        int left = 80;
        int right = 30;
        BufferedImage image = new BufferedImage(width, top + 3 * (panel + 40) + 20, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString("Notify Hub delivery pipeline: throughput, backlog and RSS over the run (x: seconds since P6 began)", left, 25);
        if (samples.size() < 2) {
            g.drawString("(fewer than two samples)", left, 60);
            g.dispose();
            return image;
        }
        double t0 = samples.get(0).seconds();
        double t1 = samples.get(samples.size() - 1).seconds();
        List<double[]> rates = PipelineSampler.rates(samples);
        List<Sample> series = samples;

        int y = top;
        drawPanel(g, "per second", left, y, width - left - right, panel, t0, t1, samples, List.of(
                new Line("accepted/s", new Color(0x1f77b4), rates, r -> r[1]),
                new Line("sent to provider/s", new Color(0xff7f0e), rates, r -> r[2]),
                new Line("finished (receipt applied)/s", new Color(0x2ca02c), rates, r -> r[3]),
                new Line("callbacks/s", new Color(0x9467bd), rates, r -> r[4])));
        y += panel + 40;
        drawPanel(g, "backlog", left, y, width - left - right, panel, t0, t1, samples, List.of(
                new Line("created", new Color(0xd62728), points(series, s -> s.created()), r -> r[1]),
                new Line("sending", new Color(0xff7f0e), points(series, s -> s.sending()), r -> r[1]),
                new Line("queued messages", new Color(0x7f7f7f), points(series, s -> s.queued()), r -> r[1])));
        y += panel + 40;
        drawPanel(g, "RSS (MiB)", left, y, width - left - right, panel, t0, t1, samples, List.of(
                new Line("RSS MiB", new Color(0x8c564b), points(series, s -> s.rssKb() / 1024.0), r -> r[1]),
                new Line("heap used MiB", new Color(0x17becf), points(series, s -> s.heapUsedMb()), r -> r[1])));
        g.dispose();
        return image;
    }

    private record Line(String label, Color color, List<double[]> points, ToDoubleFunction<double[]> value) {
    }

    private static List<double[]> points(List<Sample> samples, ToDoubleFunction<Sample> value) {
        return samples.stream().map(s -> new double[] {s.seconds(), value.applyAsDouble(s)}).toList();
    }

    private static void drawPanel(Graphics2D g, String title, int x, int y, int w, int h, double t0, double t1,
                                  List<Sample> samples, List<Line> lines) {
        double max = 1;
        for (Line line : lines) {
            for (double[] p : line.points()) {
                max = Math.max(max, line.value().applyAsDouble(p));
            }
        }
        max = niceCeiling(max);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.setColor(new Color(0xeeeeee));
        for (int i = 0; i <= 4; i++) {
            int gy = y + h - i * h / 4;
            g.drawLine(x, gy, x + w, gy);
        }
        g.setColor(Color.DARK_GRAY);
        for (int i = 0; i <= 4; i++) {
            int gy = y + h - i * h / 4;
            g.drawString(number(max * i / 4), x - 70, gy + 4);
        }
        for (int i = 0; i <= 10; i++) {
            int gx = x + i * w / 10;
            g.drawString(String.format(Locale.ROOT, "%.0f s", (t0 + (t1 - t0) * i / 10) - t0), gx - 10, y + h + 14);
        }
        g.drawRect(x, y, w, h);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        g.drawString(title, x + 4, y - 6);
        // phase boundaries
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        String previous = null;
        for (Sample s : samples) {
            if (!s.phase().equals(previous)) {
                int px = x + (int) ((s.seconds() - t0) / (t1 - t0) * w);
                g.setColor(Color.LIGHT_GRAY);
                g.setStroke(new BasicStroke(1, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[] {4, 4}, 0));
                g.drawLine(px, y, px, y + h);
                g.setStroke(new BasicStroke(1));
                g.setColor(Color.DARK_GRAY);
                g.drawString(s.phase(), px + 3, y + 12);
                previous = s.phase();
            }
        }
        int legendX = x + 120;
        for (Line line : lines) {
            g.setColor(line.color());
            g.setStroke(new BasicStroke(1.6f));
            double[] last = null;
            for (double[] p : line.points()) {
                if (last != null && p[0] - last[0] < 3) {
                    g.drawLine(x + (int) ((last[0] - t0) / (t1 - t0) * w),
                            y + h - (int) (line.value().applyAsDouble(last) / max * h),
                            x + (int) ((p[0] - t0) / (t1 - t0) * w),
                            y + h - (int) (line.value().applyAsDouble(p) / max * h));
                }
                last = p;
            }
            g.fillRect(legendX, y - 16, 12, 8);
            g.setColor(Color.BLACK);
            g.drawString(line.label(), legendX + 16, y - 8);
            legendX += 20 + g.getFontMetrics().stringWidth(line.label()) + 20;
        }
        g.setStroke(new BasicStroke(1));
    }

    private static double niceCeiling(double value) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, "%,.1f", value);
    }
}
