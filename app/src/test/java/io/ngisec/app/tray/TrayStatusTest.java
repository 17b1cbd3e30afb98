package io.ngisec.app.tray;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class TrayStatusTest {

    @Test
    void drawsTheTrayIconAtTheSizeTheTrayAsksWithItsBadge() {
        for (int size : new int[] {16, 22, 24, 32, 48}) {
            for (boolean template : new boolean[] {true, false}) {
                check(size, template);
            }
        }
    }

    private static void check(int size, boolean template) {
        BufferedImage online = (BufferedImage) TrayStatus.drawn(size, "online", template);
        BufferedImage offline = (BufferedImage) TrayStatus.drawn(size, "offline", template);
        assertThat(online.getWidth()).isEqualTo(size);
        assertThat(online.getHeight()).isEqualTo(size);
        assertThat(opaque(online, 0, 0, size / 2)).as("the artwork at %d px", size).isPositive();
        assertThat(differing(online, offline, size / 2)).as("the badges differ in the lower right quarter at %d px", size)
                .isPositive();
    }

    private static int opaque(BufferedImage image, int x0, int y0, int span) {
        int n = 0;
        for (int y = y0; y < y0 + span; y++) {
            for (int x = x0; x < x0 + span; x++) {
                if ((image.getRGB(x, y) >>> 24) > 0) {
                    n++;
                }
            }
        }
        return n;
    }

    private static int differing(BufferedImage a, BufferedImage b, int from) {
        int n = 0;
        for (int y = from; y < a.getHeight(); y++) {
            for (int x = from; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    n++;
                }
            }
        }
        return n;
    }
}
