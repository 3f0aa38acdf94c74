package com.kontor.dunning.ui;

import com.kontor.dunning.CollectionExport;
import com.kontor.dunning.DunningProcedure;
import com.kontor.dunning.DunningProcedures;
import com.kontor.dunning.DunningRefused;
import com.kontor.dunning.DunningRuns;
import com.kontor.dunning.DunningRuns.Proposal;
import com.kontor.dunning.DunningRuns.RunProgress;
import com.kontor.tenancy.BookedModule;
import com.kontor.tenancy.CurrentUser;
import com.kontor.tenancy.KontorUser;
import com.kontor.tenancy.MerchantDirectory;
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.Partition;
import com.kontor.tenancy.RequiresModule;
import com.kontor.tenancy.Role;
import com.kontor.tenancy.TenancyScope;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadEvent;
import jakarta.annotation.security.RolesAllowed;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The dunning run and its proposals (DUN-2, DUN-3, DUN-7): when the last run ran and what it did, a run started by
 * hand with its progress shown while it runs, the proposed dunning list and the proposed debt-collection list that
 * finance releases (all or a selection), and the debt-collection cases as a CSV file for the agency.
 */
@Route(Mode.ROUTE_PREFIX + "dunning")
@Menu(title = "nav.dunning", order = 30, icon = "vaadin:envelopes-o")
@RolesAllowed({Role.Names.FINANCE, Role.Names.ADMIN})
@RequiresModule(BookedModule.DUNNING)
public class DunningView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** At most this many proposals are listed at once; "Release all" takes every one. */
    static final int SHOWN = 500;

    private final DunningRuns runs;
    private final Optional<DunningProcedure> procedure;
    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter date;
    private final Paragraph lastRun = new Paragraph();
    private final ProgressBar progress = new ProgressBar();
    private final Button start = new Button();
    private final Tab dunningTab = new Tab();
    private final Tab collectionTab = new Tab();
    private final Tabs tabs = new Tabs(dunningTab, collectionTab);
    private final Grid<Proposal> grid = new Grid<>();
    private final Paragraph empty = new Paragraph();
    private final Button releaseSelected = new Button();
    private final Button releaseAll = new Button();
    private String mode = "live";

    public DunningView(
            DunningRuns runs,
            DunningProcedures procedures,
            CollectionExport collectionExport,
            MerchantDirectory merchants,
            CurrentUser currentUser) {
        this.runs = runs;
        this.procedure = procedures.current();
        Locale locale = getLocale();
        dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale)
                .withZone(merchants.requireCurrent().settings().timeZone());
        date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        setWidthFull();
        add(new H2(getTranslation("nav.dunning")));
        if (procedure.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("dunning.noProcedure"));
            none.setId("dunning-no-procedure");
            add(none);
            return;
        }
        Paragraph intro = new Paragraph(
                getTranslation(procedure.get().releaseByFinance() ? "dunning.intro.release" : "dunning.intro.atOnce"));
        intro.addClassName("kontor-muted");

        lastRun.setId("dunning-last-run");
        progress.setId("dunning-progress");
        progress.setVisible(false);
        progress.setWidth("24em");
        start.setText(getTranslation("dunning.startRun"));
        start.setIcon(VaadinIcon.PLAY.create());
        start.setId("dunning-start");
        start.setDisableOnClick(true);
        start.addClickListener(e -> startRun());
        start.setVisible(runs.mayChange());

        Anchor export = new Anchor(
                (DownloadEvent event) -> {
                    event.setFileName("debt-collection-" + mode + ".csv");
                    event.setContentType("text/csv; charset=UTF-8");
                    // a download is its own request, without the view's mode: the person's merchant now, the view's
                    // mode
                    Optional<Long> merchantId = currentUser.get().map(KontorUser::merchantId);
                    Optional<Mode> viewMode = Mode.fromUrlSegment(mode);
                    if (merchantId.isEmpty() || viewMode.isEmpty()) {
                        event.getResponse().setStatus(404);
                        return;
                    }
                    try (OutputStream out = event.getOutputStream()) {
                        TenancyScope.inPartition(
                                new Partition(merchantId.get(), viewMode.get()),
                                () -> collectionExport.write(locale, out));
                    }
                },
                "");
        export.setId("dunning-collection-export");
        export.setRouterIgnore(true);
        Button exportButton = new Button(getTranslation("dunning.collectionExport"), VaadinIcon.DOWNLOAD.create());
        exportButton.setTabIndex(-1);
        export.add(exportButton);
        HorizontalLayout runRow = new HorizontalLayout(start, export);
        runRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        runRow.setWrap(true);

        dunningTab.setId("dunning-tab-proposals");
        collectionTab.setId("dunning-tab-collection");
        tabs.addSelectedChangeListener(e -> refreshProposals());

        grid.setId("dunning-proposals");
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.addComponentColumn(this::processLink)
                .setHeader("TXID")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(Proposal::reference)
                .setHeader(getTranslation("dunning.reference"))
                .setFlexGrow(1);
        grid.addColumn(p -> levelName(p.level()))
                .setHeader(getTranslation("dunning.level"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(p -> p.open().format(locale))
                .setHeader(getTranslation("dunning.open"))
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(p -> p.dueDate() == null ? "" : date.format(p.dueDate()))
                .setHeader(getTranslation("dunning.dueDate"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(p -> dateTime.format(p.at()))
                .setHeader(getTranslation("dunning.proposedAt"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addSelectionListener(
                e -> releaseSelected.setEnabled(!e.getAllSelectedItems().isEmpty()));
        empty.setId("dunning-proposals-empty");
        empty.addClassName("kontor-muted");

        releaseSelected.setText(getTranslation("dunning.releaseSelected"));
        releaseSelected.setId("dunning-release-selected");
        releaseSelected.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        releaseSelected.setEnabled(false);
        releaseSelected.setDisableOnClick(true);
        releaseSelected.addClickListener(
                e -> release(grid.getSelectedItems().stream().map(Proposal::id).toList()));
        releaseAll.setText(getTranslation("dunning.releaseAll"));
        releaseAll.setId("dunning-release-all");
        releaseAll.setDisableOnClick(true);
        releaseAll.addClickListener(e -> release(null));
        HorizontalLayout actions = new HorizontalLayout(releaseSelected, releaseAll);
        actions.setVisible(runs.mayChange());

        add(intro, lastRun, progress, runRow, tabs, empty, grid, actions);
    }

    private Component processLink(Proposal p) {
        if (p.debtorNumber() == null) {
            return new com.vaadin.flow.component.html.Span(Long.toString(p.txid()));
        }
        // dunning may not depend on customer: the debtor view's route, ":mode/debtors/:debtorNumber/:txid"
        Anchor link = new Anchor(mode + "/debtors/" + p.debtorNumber() + "/" + p.txid(), Long.toString(p.txid()));
        link.setId("proposal-txid-" + p.txid());
        return link;
    }

    private String levelName(int level) {
        return level == 5 ? getTranslation("dunning.level.collection") : getTranslation("dunning.level.n", level);
    }

    private boolean collection() {
        return tabs.getSelectedTab() == collectionTab;
    }

    private void startRun() {
        try {
            runs.startNow();
            Notification.show(getTranslation("dunning.runStarted"), 3000, Notification.Position.BOTTOM_START);
        } catch (DunningRefused refused) {
            error(getTranslation(refused.key()));
        }
        refreshRun();
    }

    private void release(List<Long> ids) {
        DunningRuns.Released released = ids == null ? runs.releaseAll(collection()) : runs.release(ids);
        Notification notification = Notification.show(
                getTranslation(
                        "dunning.released",
                        released.sent(),
                        released.discarded(),
                        released.skipped() + released.failed()),
                6000,
                Notification.Position.BOTTOM_START);
        notification.setId("dunning-released");
        notification.addThemeVariants(
                released.failed() > 0 ? NotificationVariant.LUMO_WARNING : NotificationVariant.LUMO_SUCCESS);
        releaseAll.setEnabled(true);
        refreshProposals();
    }

    private void refreshRun() {
        Optional<RunProgress> latest = runs.latest();
        if (latest.isEmpty()) {
            lastRun.setText(getTranslation("dunning.noRunYet"));
            progress.setVisible(false);
            start.setEnabled(true);
            return;
        }
        RunProgress run = latest.get();
        if (run.running()) {
            lastRun.setText(getTranslation(
                    "dunning.running", dateTime.format(run.startedAt()), run.startedBy(), run.done(), run.due()));
            progress.setVisible(true);
            progress.setIndeterminate(run.due() == 0);
            progress.setValue(run.due() == 0 ? 0 : (double) run.done() / run.due());
            start.setEnabled(false);
            getUI().ifPresent(ui -> ui.setPollInterval(1000));
        } else {
            lastRun.setText(getTranslation(
                    "FAILED".equals(run.status()) ? "dunning.lastRun.failed" : "dunning.lastRun",
                    dateTime.format(run.startedAt()),
                    run.startedBy(),
                    run.due(),
                    run.proposed(),
                    run.sent(),
                    run.skipped(),
                    run.failed()));
            boolean wasRunning = progress.isVisible();
            progress.setVisible(false);
            start.setEnabled(true);
            getUI().ifPresent(ui -> ui.setPollInterval(-1));
            if (wasRunning) {
                refreshProposals();
            }
        }
    }

    private void refreshProposals() {
        boolean collection = collection();
        int dunningCount = runs.countProposals(false);
        int collectionCount = runs.countProposals(true);
        dunningTab.setLabel(getTranslation("dunning.tab.proposals", dunningCount));
        collectionTab.setLabel(getTranslation("dunning.tab.collection", collectionCount));
        List<Proposal> shown = runs.proposals(collection, SHOWN);
        grid.setItems(shown);
        grid.setVisible(!shown.isEmpty());
        empty.setText(getTranslation(collection ? "dunning.collection.empty" : "dunning.proposals.empty"));
        empty.setVisible(shown.isEmpty());
        releaseAll.setEnabled(!shown.isEmpty());
        releaseSelected.setEnabled(false);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        if (procedure.isPresent()) {
            event.getUI().addPollListener(e -> refreshRun());
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        mode = event.getRouteParameters().get(Mode.ROUTE_PARAMETER).orElse("live");
        if (procedure.isPresent()) {
            refreshRun();
            refreshProposals();
        }
    }

    private void error(String text) {
        Notification notification = Notification.show(text, 8000, Notification.Position.MIDDLE);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notification.setId("dunning-message");
    }

    @Override
    public String getPageTitle() {
        return "Kontor – " + getTranslation("nav.dunning");
    }
}
