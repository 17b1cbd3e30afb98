package io.ngisec.app.tray;

import io.ngisec.app.status.StatusViewModel;
import java.awt.EventQueue;
import java.awt.GraphicsEnvironment;
import java.awt.Image;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.RenderingHints;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import javafx.application.Platform;
import javax.imageio.ImageIO;

/**
 * The app's icon in the system tray or menu bar: the connection state as a badge on it and in its
 * tooltip, a menu to bring the window forward or quit. Only where the desktop has a tray (AWT's
 * {@link SystemTray}: Windows, macOS, Linux desktops with an XEmbed tray); elsewhere nothing, and
 * one line in the log.
 */
public final class TrayStatus implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TrayStatus.class.getName());

    private static final boolean MAC = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("mac");

    private volatile TrayIcon icon;
    private volatile boolean closed;

    private TrayStatus() {
    }

    /**
     * Puts the icon up off the FX thread (loading AWT takes a moment), following {@code status}
     * from then on; {@code open} and {@code quit} run on the FX thread when chosen in its menu.
     * Call on the FX thread.
     */
    public static TrayStatus start(StatusViewModel status, Runnable open, Runnable quit) {
        TrayStatus tray = new TrayStatus();
        Thread.ofVirtual().name("app-tray").start(() -> tray.install(status, open, quit));
        return tray;
    }

    /** Whether the icon is up (for tests and the log). */
    public boolean shown() {
        return icon != null;
    }

    private void install(StatusViewModel status, Runnable open, Runnable quit) {
        try {
            if (GraphicsEnvironment.isHeadless() || !SystemTray.isSupported()) {
                LOG.info("no system tray on this desktop; the status stays in the window only");
                return;
            }
            if (MAC) {
                // The menu bar draws a template image in its own colors, light or dark.
                System.setProperty("apple.awt.enableTemplateImages", "true");
            }
            EventQueue.invokeLater(() -> addIcon(open, quit));
            Platform.runLater(() -> {
                Runnable update = () -> show(TrayState.of(status.phaseProperty().get(), status.connectionProperty().get(),
                        status.pathsProperty().get()));
                status.phaseProperty().subscribe(p -> update.run());
                status.pathsProperty().subscribe(p -> update.run());
            });
        } catch (RuntimeException | LinkageError e) {
            LOG.info("the system tray could not be used: " + e);
        }
    }

    private void addIcon(Runnable open, Runnable quit) {
        if (closed) {
            return;
        }
        PopupMenu menu = new PopupMenu();
        MenuItem openItem = new MenuItem("Open NGISec Communicator");
        openItem.addActionListener(e -> Platform.runLater(open));
        MenuItem quitItem = new MenuItem("Quit");
        quitItem.addActionListener(e -> Platform.runLater(quit));
        menu.add(openItem);
        menu.addSeparator();
        menu.add(quitItem);
        SystemTray tray = SystemTray.getSystemTray();
        TrayIcon added = new TrayIcon(drawn(tray.getTrayIconSize().height, "offline", MAC), "NGISec Communicator", menu);
        added.setImageAutoSize(false);
        added.addActionListener(e -> Platform.runLater(open));
        try {
            tray.add(added);
            icon = added;
            LOG.info("tray icon shown");
        } catch (java.awt.AWTException e) {
            LOG.info("the system tray refused the icon: " + e.getMessage());
        }
    }

    private void show(TrayState state) {
        EventQueue.invokeLater(() -> {
            TrayIcon shown = icon;
            if (shown != null && !closed) {
                shown.setToolTip(state.tooltip());
                shown.setImage(drawn(SystemTray.getSystemTray().getTrayIconSize().height, state.badge(), MAC));
            }
        });
    }

    /**
     * The app icon at {@code size} px with the badge in its lower right quarter: on macOS the
     * monochrome template the menu bar recolors, elsewhere the colored icon (a black template
     * would vanish on the dark task bars of Windows and most Linux desktops).
     */
    static Image drawn(int size, String badge, boolean template) {
        int[] renders = template ? new int[] {16, 22, 32, 44} : new int[] {16, 24, 32, 48, 64};
        int pick = renders[renders.length - 1];
        for (int r : renders) {
            if (r >= size) {
                pick = r;
                break;
            }
        }
        BufferedImage base = read(template ? "tray/ngisec-tray-" + pick + ".png" : "ngisec-" + pick + ".png");
        BufferedImage mark = read("badges/" + badge + (size > 22 ? "-32" : "-16") + ".png");
        BufferedImage out = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        var g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.drawImage(base, 0, 0, size, size, null);
            int b = Math.max(6, size / 2);
            g.drawImage(mark, size - b, size - b, b, b, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static BufferedImage read(String name) {
        try (InputStream in = Optional.ofNullable(TrayStatus.class.getResourceAsStream("/io/ngisec/app/icons/" + name))
                .orElseThrow(() -> new IllegalStateException("icons/" + name + " is missing from the class path; run icons/render.sh"))) {
            return ImageIO.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        closed = true;
        TrayIcon shown = icon;
        if (shown != null) {
            EventQueue.invokeLater(() -> SystemTray.getSystemTray().remove(shown));
        }
    }
}
