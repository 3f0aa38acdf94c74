package com.kontor.testsupport;

import com.kontor.money.Money;
import com.kontor.tenancy.BookedModule;
import com.kontor.tenancy.MerchantOverview;
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.NewMerchant;
import com.kontor.tenancy.Partition;
import com.kontor.tenancy.PlatformAdministration;
import com.kontor.tenancy.SystemScope;
import java.util.EnumSet;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A merchant of its own for a module test (German, EUR, every module booked, one portal), created through the
 * platform's own service as an operator would, so that the test needs no demo data.
 */
public record TestMerchant(long id, long portalId) {

    public static TestMerchant create(PlatformAdministration platform, JdbcTemplate jdbc, Money fourEyesThreshold) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        NewMerchant form = new NewMerchant();
        form.setName("Module test " + suffix);
        form.setFirstPortalName("Shop");
        form.setTimeZone("Europe/Berlin");
        form.setDefaultLanguage("de");
        form.setDefaultCurrency("EUR");
        form.setModules(EnumSet.allOf(BookedModule.class));
        form.setAdminEmail("admin-" + suffix + "@module.example");
        form.setAdminName("Module Admin");
        form.setAdminInitialPassword("Module-Test-Password-2026");
        MerchantOverview merchant = SystemScope.run("module test", () -> {
            MerchantOverview created = platform.createMerchant(form, false);
            platform.setFourEyes(
                    created.id(),
                    fourEyesThreshold != null,
                    fourEyesThreshold == null ? Money.of(0, "EUR") : fourEyesThreshold);
            return created;
        });
        long portal = jdbc.queryForObject("select id from portal where merchant_id = ?", Long.class, merchant.id());
        return new TestMerchant(merchant.id(), portal);
    }

    public Partition test() {
        return new Partition(id, Mode.TEST);
    }

    public Partition live() {
        return new Partition(id, Mode.LIVE);
    }
}
