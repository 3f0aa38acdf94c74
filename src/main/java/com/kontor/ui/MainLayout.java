package com.kontor.ui;

import com.kontor.tenancy.AccountService;
import com.kontor.tenancy.CurrentUser;
import com.kontor.tenancy.KontorUser;
import com.kontor.tenancy.MerchantDirectory;
import com.kontor.tenancy.MerchantSummary;
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.RequiresModule;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The frame of every view: header with merchant, user, live/test switch, language and logout; a drawer with the
 * areas the user may use; and in test mode an unmistakable band. The drawer is built from the views themselves
 * ({@code @Menu} title and order, role annotations, {@code @RequiresModule}), so this class imports no view.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final CurrentUser currentUser;
    private final MerchantDirectory merchantDirectory;
    private final AccountService accountService;
    private final AuthenticationContext authenticationContext;

    private final SideNav nav = new SideNav();
    private final Div testBand = new Div();
    private final Div content = new Div();
    private final RadioButtonGroup<Mode> modeSwitch = new RadioButtonGroup<>();
    private final Span merchantName = new Span();
    private String currentPath = "";
    /** What the menu was built for (mode, booked modules, language): unchanged, it is not built again. */
    private Object menuKey;

    public MainLayout(
            CurrentUser currentUser,
            MerchantDirectory merchantDirectory,
            AccountService accountService,
            AuthenticationContext authenticationContext) {
        this.currentUser = currentUser;
        this.merchantDirectory = merchantDirectory;
        this.accountService = accountService;
        this.authenticationContext = authenticationContext;
        setPrimarySection(Section.DRAWER);
        addToNavbar(new DrawerToggle(), header());
        Span brand = new Span("Kontor");
        brand.addClassName("kontor-brand");
        nav.setId("main-nav");
        addToDrawer(brand, nav);

        testBand.setId("test-mode-band");
        testBand.addClassName("kontor-test-band");
        testBand.setText(getTranslation("mode.testBand"));
        testBand.setVisible(false);
        content.addClassName("kontor-content");
        Div wrapper = new Div(testBand, content);
        wrapper.addClassName("kontor-page");
        setContent(wrapper);
    }

    private Component header() {
        KontorUser user = currentUser.require();
        merchantName.setId("merchant-name");
        merchantName.addClassName("kontor-merchant");
        Span userName = new Span(user.displayName());
        userName.setId("current-user");
        userName.setTitle(user.email());
        userName.addClassName("kontor-user");

        modeSwitch.setId("mode-switch");
        modeSwitch.setAriaLabel(getTranslation("mode.label"));
        modeSwitch.setItems(Mode.LIVE, Mode.TEST);
        modeSwitch.setItemLabelGenerator(m -> getTranslation("mode." + m.urlSegment()));
        modeSwitch.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                switchTo(e.getValue());
            }
        });

        Button logout = new Button(getTranslation("header.logout"), new Icon("vaadin", "sign-out"), e -> logout());
        logout.setId("logout");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        HorizontalLayout header =
                new HorizontalLayout(merchantName, modeSwitch, userName, new LanguageSwitch(), logout);
        header.setId("header");
        header.addClassName("kontor-header");
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.setWidthFull();
        header.expand(merchantName);
        return header;
    }

    @Override
    public void showRouterLayoutContent(HasElement view) {
        content.removeAll();
        content.getElement().appendChild(view.getElement());
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        currentPath = event.getLocation().getPathWithQueryParameters();
        Optional<Mode> mode = Mode.fromUrlSegment(event.getLocation().getFirstSegment());
        KontorUser user = currentUser.require();
        Optional<MerchantSummary> merchant = user.isOperator() ? Optional.empty() : merchantDirectory.current();
        merchantName.setText(merchant.map(MerchantSummary::name).orElse(getTranslation("header.platform")));
        modeSwitch.setVisible(mode.isPresent());
        mode.ifPresent(modeSwitch::setValue);
        boolean test = mode.orElse(Mode.LIVE) == Mode.TEST;
        testBand.setVisible(test);
        getElement().getClassList().set("kontor-test-mode", test);
        buildMenu(mode.orElse(null), merchant.orElse(null));
    }

    /**
     * Loads the same view of the other mode as a new page, so no component of the old mode (a grid's rows, an open
     * dialog) survives the switch. What names data of the old mode (a debtor's page, a log filtered to one debtor, a
     * page not found) does not exist in the other: the switch lands on the other mode's search instead.
     */
    private void switchTo(Mode mode) {
        UI.getCurrent().getPage().setLocation("/" + mode.urlSegment() + "/" + samePageInOtherMode());
    }

    private String samePageInOtherMode() {
        int slash = currentPath.indexOf('/');
        String rest = slash < 0 ? "" : currentPath.substring(slash + 1);
        int query = rest.indexOf('?');
        if (query >= 0) {
            rest = rest.substring(0, query);
        }
        String path = rest;
        boolean menuView = RouteConfiguration.forApplicationScope().getAvailableRoutes().stream()
                .map(RouteData::getTemplate)
                .filter(t -> t.startsWith(":" + Mode.ROUTE_PARAMETER))
                .anyMatch(t -> t.substring(t.indexOf('/') + 1).equals(path));
        return menuView ? path : "debtors";
    }

    private void buildMenu(Mode mode, MerchantSummary merchant) {
        // the menu depends on the mode, the merchant's modules and the language only: rebuild it when they change,
        // not on every navigation (a detail view's process switch is one of many)
        Object key = java.util.Arrays.asList(
                mode == null ? "last " + NavigationGuard.lastMode() : mode,
                merchant == null ? null : merchant.modules(),
                getLocale());
        if (key.equals(menuKey)) {
            return;
        }
        menuKey = key;
        nav.removeAll();
        AccessAnnotationChecker access = new AccessAnnotationChecker();
        List<RouteData> routes = RouteConfiguration.forApplicationScope().getAvailableRoutes().stream()
                .filter(r -> r.getNavigationTarget().isAnnotationPresent(Menu.class))
                .sorted(Comparator.comparingDouble(
                        r -> r.getNavigationTarget().getAnnotation(Menu.class).order()))
                .toList();
        for (RouteData route : routes) {
            Class<? extends Component> target = route.getNavigationTarget();
            boolean modeScoped = route.getTemplate().startsWith(":" + Mode.ROUTE_PARAMETER);
            if (!access.hasAccess(target) || (modeScoped && mode == null && merchant == null)) {
                continue;
            }
            RequiresModule requires = target.getAnnotation(RequiresModule.class);
            if (requires != null
                    && (merchant == null
                            || java.util.Arrays.stream(requires.value()).noneMatch(merchant::hasModule))) {
                continue;
            }
            Menu menu = target.getAnnotation(Menu.class);
            String path = modeScoped
                    ? (mode == null ? NavigationGuard.lastMode() : mode).urlSegment()
                            + route.getTemplate().substring(route.getTemplate().indexOf('/'))
                    : route.getTemplate();
            SideNavItem item = new SideNavItem(getTranslation(menu.title()), "/" + path);
            if (!menu.icon().isBlank()) {
                String[] icon = menu.icon().split(":", 2);
                item.setPrefixComponent(new Icon(icon[0], icon[1]));
            }
            item.setId("nav-" + menu.title().replace('.', '-'));
            nav.addItem(item);
        }
    }

    private void logout() {
        accountService.recordLogout();
        authenticationContext.logout();
    }
}
