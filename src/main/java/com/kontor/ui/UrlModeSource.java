package com.kontor.ui;

import com.kontor.tenancy.Mode;
import com.kontor.tenancy.ModeSource;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The mode of a view request: the mode segment of the URL this browser tab shows (kept on its UI by the
 * {@link NavigationGuard}). Two tabs in two modes each write into their own mode.
 */
@Component
class UrlModeSource implements ModeSource {

    @Override
    public Optional<Mode> currentMode() {
        UI ui = UI.getCurrent();
        return ui == null ? Optional.empty() : Optional.ofNullable(ComponentUtil.getData(ui, Mode.class));
    }

    static void set(UI ui, Mode mode) {
        ComponentUtil.setData(ui, Mode.class, mode);
    }
}
