package org.sentinela.reporting.api.profile;

import java.net.URI;
import org.sentinela.model.SupplierKind;
import org.sentinela.reporting.api.param.SupplierKey;
import org.sentinela.reporting.api.problem.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A supplier's flags in the latest published run. A CPF may be looked up, but is only ever shown
 * masked, in the profile and in errors.
 */
@RestController
class SupplierController {

  static final String PATH = "/api/v1/suppliers/";

  private final FlagProfiles profiles;

  SupplierController(FlagProfiles profiles) {
    this.profiles = profiles;
  }

  @GetMapping(PATH + "{id}")
  SupplierProfile one(@PathVariable String id) {
    SupplierKey supplier = SupplierKey.parse("id", id);
    return profiles
        .supplier(supplier)
        .orElseThrow(
            () ->
                new NotFoundException(
                    "Supplier not found",
                    "No flag for supplier '" + supplier.shown() + "' in the latest published run.",
                    "supplier_id",
                    supplier.shown(),
                    supplier.kind() == SupplierKind.CPF
                        ? URI.create(PATH + supplier.shown())
                        : null));
  }
}
