package fr.esante.medimail.benchmarks;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

/** Small PNG charts for the report, drawn with Java2D (headless): no charting library needed. */
final class Charts {

    private static final int WIDTH = 720;
    private static final int HEIGHT = 360;
    private static final int MARGIN = 56;
    private static final Color[] SERIES = {new Color(0, 0, 145), new Color(225, 0, 15), new Color(0, 130, 70), new Color(140, 80, 0)};

    private Charts() {
    }

    /** One named series of y values, drawn as a line over x = 0, 1, 2…, or over the given x values. */
    record Series(String name, List<Double> x, List<Double> y) {
    }

    static void lines(Path file, String title, String xLabel, String yLabel, List<Series> series) throws IOException {
        double maxX = 0;
        double maxY = 0;
        for (Series s : series) {
            for (double v : s.x()) {
                maxX = Math.max(maxX, v);
            }
            for (double v : s.y()) {
                maxY = Math.max(maxY, Double.isNaN(v) ? 0 : v);
            }
        }
        maxX = maxX == 0 ? 1 : maxX;
        maxY = maxY == 0 ? 1 : maxY * 1.1;

        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, MARGIN, 24);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        int left = MARGIN;
        int right = WIDTH - 20;
        int top = 40;
        int bottom = HEIGHT - 40;
        g.drawLine(left, bottom, right, bottom);
        g.drawLine(left, top, left, bottom);
        for (int i = 0; i <= 4; i++) {
            int y = bottom - (bottom - top) * i / 4;
            g.setColor(new Color(225, 225, 225));
            g.drawLine(left + 1, y, right, y);
            g.setColor(Color.BLACK);
            g.drawString(String.format(Locale.ROOT, "%.2f", maxY * i / 4), 4, y + 4);
            int x = left + (right - left) * i / 4;
            g.drawString(String.format(Locale.ROOT, "%.1f", maxX * i / 4), x - 8, bottom + 14);
        }
        g.drawString(xLabel, (left + right) / 2 - 40, HEIGHT - 8);
        g.drawString(yLabel, left + 4, top - 4);
        g.setStroke(new BasicStroke(2f));
        for (int s = 0; s < series.size(); s++) {
            Series one = series.get(s);
            g.setColor(SERIES[s % SERIES.length]);
            int previousX = -1;
            int previousY = -1;
            for (int i = 0; i < one.y().size(); i++) {
                double value = one.y().get(i);
                if (Double.isNaN(value)) {
                    continue;
                }
                int x = left + (int) ((right - left) * one.x().get(i) / maxX);
                int y = bottom - (int) ((bottom - top) * value / maxY);
                g.fillOval(x - 3, y - 3, 6, 6);
                if (previousX >= 0) {
                    g.drawLine(previousX, previousY, x, y);
                }
                previousX = x;
                previousY = y;
            }
            g.drawString(one.name(), right - 200, top + 14 + 14 * s);
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }
}
