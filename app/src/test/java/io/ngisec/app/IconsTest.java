package io.ngisec.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The committed renders under icons/ (made by icons/render.sh): each exists with its size and format. */
class IconsTest {

    private static final Path ICONS = Path.of(System.getProperty("basedir", ".")).resolve("../icons").normalize();

    /** A PNG render and the square size it must have. */
    record Render(String path, int size) {
        @Override
        public String toString() {
            return path;
        }
    }

    static Stream<Render> pngs() {
        List<Render> all = new ArrayList<>();
        for (int s : new int[] {16, 24, 32, 48, 64, 128, 256, 512, 1024}) {
            all.add(new Render("png/ngisec-" + s + ".png", s));
        }
        for (int s : new int[] {16, 24, 32, 48, 64, 128, 256, 512}) {
            all.add(new Render("hicolor/" + s + "x" + s + "/apps/ngisec.png", s));
        }
        all.addAll(trays().toList());
        for (String badge : List.of("online", "offline", "relayed", "direct")) {
            all.add(new Render("badges/" + badge + "-16.png", 16));
            all.add(new Render("badges/" + badge + "-32.png", 32));
        }
        return all.stream();
    }

    static Stream<Render> trays() {
        return Stream.of(16, 22, 32, 44).flatMap(s -> Stream.of(
                new Render("tray/ngisec-tray-" + s + ".png", s), new Render("tray/ngisec-tray-" + s + "@2x.png", 2 * s)));
    }

    @ParameterizedTest
    @MethodSource("pngs")
    void pngRenderHasItsSizeAndAlpha(Render render) throws IOException {
        Path file = ICONS.resolve(render.path());
        assertThat(file).exists();
        assertThat(formatOf(file)).isEqualTo("png");
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isEqualTo(render.size());
        assertThat(image.getHeight()).isEqualTo(render.size());
        assertThat(image.getColorModel().hasAlpha()).isTrue();
    }

    /** The window icons, badges and tray icons the app loads from its class path, copied there by render.sh. */
    static Stream<String> onClassPath() {
        return pngs().map(Render::path).filter(p -> p.startsWith("badges/") || p.startsWith("tray/")
                || p.matches("png/ngisec-(16|24|32|48|64|128|256)\\.png"));
    }

    @ParameterizedTest
    @MethodSource("onClassPath")
    void theAppCarriesTheSameRenderOnItsClassPath(String render) throws IOException {
        String name = render.startsWith("png/") ? render.substring("png/".length()) : render;
        try (InputStream in = IconsTest.class.getResourceAsStream("/io/ngisec/app/icons/" + name)) {
            assertThat(in).as("icons/%s on the class path (run icons/render.sh)", name).isNotNull();
            assertThat(in.readAllBytes()).as("class path copy of %s", render).isEqualTo(Files.readAllBytes(ICONS.resolve(render)));
        }
    }

    @ParameterizedTest
    @MethodSource("trays")
    void trayIconIsATemplateBlackWithMeaningInAlphaOnly(Render render) throws IOException {
        BufferedImage image = ImageIO.read(ICONS.resolve(render.path()).toFile());
        int opaque = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int argb = image.getRGB(x, y);
                assertThat(argb & 0xffffff).as("colour at %d,%d", x, y).isZero();
                opaque += (argb >>> 24) == 0xff ? 1 : 0;
            }
        }
        assertThat(opaque).as("fully opaque pixels").isPositive();
    }

    @Test
    void icoHoldsEverySizeFrom16To256In32BitColour() throws IOException {
        IcoDirectory ico = IcoDirectory.parse(Files.readAllBytes(ICONS.resolve("ngisec.ico")));
        assertThat(ico.type()).as("1 = icon").isEqualTo(1);
        assertThat(ico.entries()).extracting(IcoDirectory.Entry::declaredSize)
                .containsExactly(16, 24, 32, 48, 64, 128, 256);
        for (IcoDirectory.Entry entry : ico.entries()) {
            assertThat(entry.imageWidth()).isEqualTo(entry.declaredSize());
            assertThat(entry.imageHeight()).isEqualTo(entry.declaredSize());
            assertThat(entry.bitCount()).isEqualTo(32);
            assertThat(entry.png()).as("only 256 is stored as PNG").isEqualTo(entry.declaredSize() == 256);
        }
    }

    @Test
    void icnsHoldsEveryMacSizeFrom16To1024() throws IOException {
        IcnsChunks icns = IcnsChunks.parse(Files.readAllBytes(ICONS.resolve("ngisec.icns")));
        assertThat(icns.chunks()).extracting(IcnsChunks.Chunk::type).containsExactly(
                "is32", "s8mk", "il32", "l8mk", "ih32", "h8mk", "it32", "t8mk", "ic08", "ic09", "ic10");
        for (IcnsChunks.Chunk chunk : icns.chunks()) {
            switch (chunk.type()) {
                // 8-bit masks are uncompressed, one byte a pixel: their length fixes the size.
                case "s8mk" -> assertThat(chunk.data()).hasSize(16 * 16);
                case "l8mk" -> assertThat(chunk.data()).hasSize(32 * 32);
                case "h8mk" -> assertThat(chunk.data()).hasSize(48 * 48);
                case "t8mk" -> assertThat(chunk.data()).hasSize(128 * 128);
                case "ic08" -> assertThat(chunk.encodedWidth()).isEqualTo(256);
                case "ic09" -> assertThat(chunk.encodedWidth()).isEqualTo(512);
                case "ic10" -> assertThat(chunk.encodedWidth()).isEqualTo(1024);
                default -> assertThat(chunk.data()).as(chunk.type() + " RLE colour").isNotEmpty();
            }
        }
    }

    @Test
    void hicolorScalableIconIsTheMasterArtwork() throws IOException {
        assertThat(Files.readAllBytes(ICONS.resolve("hicolor/scalable/apps/ngisec.svg")))
                .isEqualTo(Files.readAllBytes(ICONS.resolve("ngisec.svg")));
    }

    @Test
    void windowIconsOnTheClassPathAreTheCurrentRenders() throws IOException {
        for (int size : WindowIcons.SIZES) {
            try (InputStream in = WindowIcons.resource(size).openStream()) {
                assertThat(in.readAllBytes()).as("ngisec-%d.png", size)
                        .isEqualTo(Files.readAllBytes(ICONS.resolve("png/ngisec-" + size + ".png")));
            }
        }
    }

    private static String formatOf(Path file) throws IOException {
        try (var in = ImageIO.createImageInputStream(file.toFile())) {
            var readers = ImageIO.getImageReaders(in);
            return readers.hasNext() ? readers.next().getFormatName().toLowerCase(java.util.Locale.ROOT) : "unknown";
        }
    }
}
