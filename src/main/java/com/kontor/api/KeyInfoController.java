package com.kontor.api;

import com.kontor.tenancy.MerchantDirectory;
import com.kontor.tenancy.PortalSummary;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lets a shop check which portal and mode its key belongs to, before it sends anything else. */
@RestController
class KeyInfoController {

    record KeyInfo(long portalId, String portal, String mode, String keyName) {}

    private final MerchantDirectory merchantDirectory;

    KeyInfoController(MerchantDirectory merchantDirectory) {
        this.merchantDirectory = merchantDirectory;
    }

    @GetMapping("/api/v1/key")
    @Operation(summary = "The portal and mode of the calling API key")
    KeyInfo key(@AuthenticationPrincipal ApiKeyPrincipal key) {
        String portal = merchantDirectory.requireCurrent().portals().stream()
                .filter(p -> p.id() == key.portalId())
                .map(PortalSummary::name)
                .findFirst()
                .orElse("?");
        return new KeyInfo(key.portalId(), portal, key.partition().mode().name(), key.name());
    }
}
