package org.opencrm.deals.shop;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.opencrm.deals.access.Access;
import org.opencrm.platform.starter.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The company's shop integration settings, for an ADMIN: the secret the shop signs its requests with (never
 * shown again once set; null or blank turns signatures off).
 */
@RestController
@RequestMapping(path = "/api/deals/shop/settings", produces = "application/json")
@Tag(name = "Shop integration settings")
class ShopSettingsController {

    record SettingsIn(@Size(min = 16, max = 200) String signingSecret) {
    }

    record SettingsView(boolean signatureRequired, String header) {
    }

    private final ShopSignatures signatures;
    private final Access access;

    ShopSettingsController(ShopSignatures signatures, Access access) {
        this.signatures = signatures;
        this.access = access;
    }

    @GetMapping
    SettingsView get() {
        access.requireAdmin();
        return new SettingsView(signatures.required(), ShopSignatures.HEADER);
    }

    @PutMapping
    @Operation(summary = "Set (at least 16 characters) or clear the signing secret")
    SettingsView put(@Valid @RequestBody SettingsIn settings) {
        access.requireAdmin();
        String secret = settings.signingSecret() == null || settings.signingSecret().isBlank() ? null
                : settings.signingSecret();
        signatures.setSecret(secret, CurrentUser.require().userId());
        return new SettingsView(secret != null, ShopSignatures.HEADER);
    }
}
