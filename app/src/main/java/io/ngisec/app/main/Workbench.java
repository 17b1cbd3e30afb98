package io.ngisec.app.main;

import io.ngisec.app.chat.ChatAction;
import io.ngisec.app.chat.ConversationsViewModel;
import io.ngisec.app.chat.OnlineChat;
import io.ngisec.app.directory.ContactAction;
import io.ngisec.app.directory.ContactActions;
import io.ngisec.app.service.FirstOnline;
import io.ngisec.app.service.OnlinePeerService;
import io.ngisec.app.service.PeerOptions;
import io.ngisec.app.service.SelfIdentity;
import io.ngisec.app.settings.AppSettings;
import io.ngisec.app.transfer.FilePicker;
import io.ngisec.app.transfer.FolderOpener;
import io.ngisec.app.transfer.OfferDialog;
import io.ngisec.app.transfer.OnlineTransfers;
import io.ngisec.app.transfer.SendFilesAction;
import io.ngisec.app.transfer.TransfersView;
import io.ngisec.app.transfer.TransfersViewModel;
import io.ngisec.client.home.PeerHome;
import io.ngisec.client.peer.OnlinePeer;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.Parent;
import javafx.stage.Window;

/**
 * The main window's working parts for an enrolled home: the peer service with transfers and chat
 * plugged into its options, their ViewModels, the contact actions they bring, and the main view.
 * Owns what it starts; {@link #close()} takes the device offline. Built on the FX thread.
 */
public final class Workbench implements AutoCloseable {

    private final OnlinePeerService service;
    private final OnlineTransfers transfers;
    private final OnlineChat chat;
    private final TransfersViewModel transfersModel;
    private final ConversationsViewModel conversations;
    private final MainView view;

    /**
     * Builds it on {@code home} (closed with the service), with {@code base} options for the peer
     * (sessions, notices, calls), asking the user through {@code picker} over {@code owner}.
     */
    public Workbench(PeerHome home, SelfIdentity self, Function<PeerHome, OnlinePeer.Options> base, ContactActions others,
            FilePicker picker, FolderOpener opener, Supplier<Window> owner, Executor ui) {
        OnlinePeerService[] holder = new OnlinePeerService[1];
        Supplier<java.util.Optional<OnlinePeer>> peer = () -> holder[0].onlinePeer();
        transfers = new OnlineTransfers(peer, new AppSettings(home.database(), home.downloads()), ui);
        chat = new OnlineChat(peer, home.database(), ui);
        service = new OnlinePeerService(home, self,
                h -> PeerOptions.withTransfersAndChat(base.apply(h), transfers, transfers, chat), ui);
        holder[0] = service;
        transfersModel = new TransfersViewModel(transfers, opener, ui);
        transfersModel.setOnOffer(offer -> OfferDialog.show(offer, owner.get(), picker));
        conversations = new ConversationsViewModel(service, chat, transfersModel, ui, Clock.systemDefaultZone());
        FirstOnline.run(service, () -> {
            transfersModel.loadHistory();
            ViewWarmup.start(transfersModel, view());
        });
        ContactActions actions = others
                .with(ContactAction.SEND_FILES, new SendFilesAction(transfersModel, picker, owner))
                .with(ContactAction.CHAT, new ChatAction(conversations));
        WorkspaceView workspace = new WorkspaceView(new TransfersView(transfersModel).root(), conversations, picker);
        view = new MainView(service, actions, workspace.root());
    }

    /** Brings the device online (returns at once). */
    public void start() {
        service.start();
    }

    /** Shows the call screen at the window's right (it hides itself while there is no call). */
    public void showCallPanel(Parent panel) {
        view.showCallPanel(panel);
    }

    public Parent root() {
        return view.root();
    }

    /** The main view, for the sections other screens add to it. */
    public MainView view() {
        return view;
    }

    public OnlinePeerService service() {
        return service;
    }

    public TransfersViewModel transfers() {
        return transfersModel;
    }

    public ConversationsViewModel conversations() {
        return conversations;
    }

    @Override
    public void close() {
        transfers.close();
        chat.close();
        service.close();
    }
}
