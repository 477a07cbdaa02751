package org.sentinela.reporting.api.profile;

import java.util.regex.Pattern;
import org.sentinela.reporting.api.param.RequestParameters;
import org.sentinela.reporting.api.problem.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A buyer unit's (UG's) flags in the latest published run. */
@RestController
class BuyerController {

  private static final Pattern UNIT_CODE = Pattern.compile("[0-9]{1,12}");

  private final FlagProfiles profiles;

  BuyerController(FlagProfiles profiles) {
    this.profiles = profiles;
  }

  @GetMapping("/api/v1/buyers/{code}")
  BuyerProfile one(@PathVariable String code) {
    RequestParameters.matching(
        "code", code, UNIT_CODE, "must be a buyer unit (UG) code such as 170178");
    return profiles
        .buyer(code)
        .orElseThrow(
            () ->
                new NotFoundException(
                    "Buyer not found",
                    "No flag for buyer unit '" + code + "' in the latest published run.",
                    "unit_code",
                    code));
  }
}
