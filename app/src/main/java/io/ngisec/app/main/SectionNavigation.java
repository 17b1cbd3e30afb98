package io.ngisec.app.main;

import atlantafx.base.theme.Styles;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The compact left navigation: one flat toggle button per {@link Section} (Tab reaches each,
 * Space or Enter opens it; Ctrl+1..9 from anywhere in the window), and the content area showing
 * the selected section. Exactly one section is selected once any is added. FX thread only.
 */
final class SectionNavigation {

    private final VBox bar = new VBox(4);
    private final StackPane content = new StackPane();
    private final ToggleGroup group = new ToggleGroup();
    private final List<Section> sections = new ArrayList<>();

    SectionNavigation() {
        bar.getStyleClass().add("section-nav");
        bar.setId("sectionNavigation");
        content.setId("sectionContent");
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                // Clicking the selected button again would leave nothing selected: keep it.
                group.selectToggle(was);
            } else {
                content.getChildren().setAll(((Section) now.getUserData()).content());
            }
        });
    }

    /** Adds {@code section} at the end; the first one added is selected. */
    void add(Section section) {
        if (sections.stream().anyMatch(s -> s.id().equals(section.id()))) {
            throw new IllegalArgumentException("section " + section.id() + " is there already");
        }
        sections.add(section);
        ToggleButton button = new ToggleButton(section.title(), new FontIcon(section.icon()));
        button.setId("nav-" + section.id());
        button.setUserData(section);
        button.setToggleGroup(group);
        button.setContentDisplay(ContentDisplay.TOP);
        button.setMaxWidth(Double.MAX_VALUE);
        button.getStyleClass().addAll(Styles.FLAT, "section-button");
        int number = sections.size();
        String shortcut = number <= 9 ? " (Ctrl+" + number + ")" : "";
        button.setTooltip(new Tooltip(section.title() + shortcut));
        button.setAccessibleText(section.title());
        bar.getChildren().add(button);
        if (group.getSelectedToggle() == null) {
            group.selectToggle(button);
        }
    }

    /** Shows the section {@code id}; false when there is none. */
    boolean select(String id) {
        return group.getToggles().stream().filter(t -> ((Section) t.getUserData()).id().equals(id)).findFirst()
                .map(t -> {
                    group.selectToggle(t);
                    return true;
                }).orElse(false);
    }

    /** Selects the {@code number}th section (1-based); false when there is none. */
    boolean selectNumber(int number) {
        return number >= 1 && number <= sections.size() && select(sections.get(number - 1).id());
    }

    /** The id of the section shown. */
    String selected() {
        return ((Section) group.getSelectedToggle().getUserData()).id();
    }

    Node bar() {
        return bar;
    }

    Node content() {
        return content;
    }
}
