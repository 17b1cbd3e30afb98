package io.ngisec.app.main;

import io.ngisec.app.chat.ChatView;
import io.ngisec.app.chat.ChatViewModel;
import io.ngisec.app.chat.ConversationsViewModel;
import io.ngisec.app.transfer.FilePicker;
import java.util.HashMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The right-hand side of the main window: the transfers list and one tab per open conversation
 * (titled with its unread count), kept in step with the selected conversation. Ctrl+Tab moves
 * between tabs (TabPane's own keys).
 */
public final class WorkspaceView {

    private final TabPane tabs = new TabPane();
    private final Map<ChatViewModel, Tab> byConversation = new HashMap<>();
    private final Map<ChatViewModel, ChatView> views = new HashMap<>();
    private final Map<ChatViewModel, FilePicker> pickers = new HashMap<>();

    public WorkspaceView(Node transfers, ConversationsViewModel conversations, FilePicker picker) {
        tabs.setId("workspace");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Tab transfersTab = new Tab("Transfers", transfers);
        transfersTab.setId("transfersTab");
        transfersTab.setGraphic(new FontIcon(Feather.REPEAT));
        tabs.getTabs().add(transfersTab);
        conversations.conversations().forEach(c -> add(c, picker));
        conversations.conversations().addListener((ListChangeListener<ChatViewModel>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(m -> add(m, picker));
            }
        });
        conversations.selectedProperty().addListener((o, was, now) -> {
            Tab tab = now == null ? null : byConversation.get(now);
            if (tab != null && tabs.getSelectionModel().getSelectedItem() != tab) {
                tabs.getSelectionModel().select(tab);
                viewOf(now).focusInput();
            }
        });
        tabs.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> conversations.selectedProperty().set(
                byConversation.entrySet().stream().filter(e -> e.getValue() == now).map(Map.Entry::getKey).findFirst().orElse(null)));
    }

    public Node root() {
        return tabs;
    }

    /*
     * A conversation's view is built when its tab is first shown, not when the conversation
     * appears: the first transfer to a colleague opens a conversation, and building a chat view
     * cold (classes, CSS, text layout) held the FX thread for seconds on a loaded machine while
     * the transfer's progress and a call's statistics waited (docs/benchmarks.md, "Desktop app").
     */
    private void add(ChatViewModel conversation, FilePicker picker) {
        Tab tab = new Tab();
        tab.selectedProperty().addListener((o, was, now) -> {
            if (now) {
                viewOf(conversation);
            }
        });
        pickers.put(conversation, picker);
        tab.setId("conversationTab-" + conversation.user());
        tab.setGraphic(new FontIcon(Feather.MESSAGE_SQUARE));
        tab.textProperty().bind(Bindings.createStringBinding(() -> conversation.unreadProperty().get() > 0
                ? conversation.user() + " (" + conversation.unreadProperty().get() + ")" : conversation.user(),
                conversation.unreadProperty()));
        byConversation.put(conversation, tab);
        tabs.getTabs().add(tab);
    }

    private ChatView viewOf(ChatViewModel conversation) {
        return views.computeIfAbsent(conversation, c -> {
            ChatView view = new ChatView(c, pickers.get(c));
            byConversation.get(c).setContent(view.root());
            return view;
        });
    }
}
