package io.github.ordersync.benchmarks;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Draws latency distributions as a percentile plot (x: 0 .. 99.99 %, log scale of 1/(1-p); y: ms, log scale)
 * into a PNG, with Java2D only.
 */
final class LatencyChart {

    private static final int WIDTH = 960;
    private static final int HEIGHT = 540;
    private static final int LEFT = 80;
    private static final int RIGHT = 220;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;
    private static final double MAX_NINES = 4; // 99.99 %
    private static final Color[] COLORS = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd), new Color(0xff7f0e)
    };

    private LatencyChart() {}

    static void write(String title, Map<String, Latencies> series, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.setColor(Color.BLACK);
        g.drawString(title, LEFT, 30);

        double maxMs = series.values().stream()
                .filter(latencies -> latencies.count() > 0)
                .mapToDouble(latencies -> latencies.percentileMillis(99.99))
                .max()
                .orElse(1);
        double top = Math.pow(10, Math.ceil(Math.log10(Math.max(1, maxMs))));
        double bottom = 0.1;

        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (double ms = bottom; ms <= top * 1.001; ms *= 10) {
            int y = y(ms, bottom, top);
            g.setColor(new Color(0xdddddd));
            g.drawLine(LEFT, y, WIDTH - RIGHT, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(ms < 1 ? String.valueOf(ms) : String.valueOf((long) ms), 10, y + 4);
        }
        String[] labels = {"0%", "90%", "99%", "99.9%", "99.99%"};
        for (int nines = 0; nines <= MAX_NINES; nines++) {
            int x = LEFT + (int) ((WIDTH - LEFT - RIGHT) * nines / MAX_NINES);
            g.setColor(new Color(0xdddddd));
            g.drawLine(x, TOP, x, HEIGHT - BOTTOM);
            g.setColor(Color.DARK_GRAY);
            g.drawString(labels[nines], x - 12, HEIGHT - BOTTOM + 18);
        }
        g.drawString("percentile", (WIDTH - RIGHT) / 2, HEIGHT - 15);
        g.drawString("ms", 10, TOP - 10);

        int legendY = TOP + 10;
        int colour = 0;
        for (Map.Entry<String, Latencies> entry : series.entrySet()) {
            if (entry.getValue().count() == 0) {
                continue;
            }
            Color color = COLORS[colour++ % COLORS.length];
            g.setColor(color);
            g.setStroke(new BasicStroke(2f));
            List<double[]> points = List.of(entry.getValue().distribution());
            int[] last = null;
            for (double[] point : points) {
                if (point[0] > 99.99) {
                    continue;
                }
                double nines = Math.log10(100 / (100 - point[0]));
                int[] xy = {
                    LEFT + (int) ((WIDTH - LEFT - RIGHT) * nines / MAX_NINES),
                    y(Math.max(bottom, point[1]), bottom, top)
                };
                if (last != null) {
                    g.drawLine(last[0], last[1], xy[0], xy[1]);
                }
                last = xy;
            }
            g.fillRect(WIDTH - RIGHT + 15, legendY - 9, 12, 12);
            g.setColor(Color.BLACK);
            g.drawString(entry.getKey(), WIDTH - RIGHT + 32, legendY + 2);
            legendY += 20;
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static int y(double ms, double bottom, double top) {
        double share = (Math.log10(ms) - Math.log10(bottom)) / (Math.log10(top) - Math.log10(bottom));
        return HEIGHT - BOTTOM - (int) ((HEIGHT - TOP - BOTTOM) * share);
    }
}
