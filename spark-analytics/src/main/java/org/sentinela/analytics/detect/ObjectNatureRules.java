package org.sentinela.analytics.detect;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import org.sentinela.analytics.legal.ObjectNature;

/**
 * Tells works and engineering, vehicle maintenance, and other purchases and services apart by the
 * words of the object text (folded, see {@link ObjectText}).
 *
 * @param worksTerms words marking works or engineering, e.g. {@code OBRA}, {@code ENGENHARIA}
 * @param worksExclusions phrases removed before looking for works terms, e.g. {@code MAO DE OBRA}
 *     (labour, in any service contract)
 * @param maintenanceTerms words marking maintenance, e.g. {@code MANUTENCAO}
 * @param vehicleTerms words marking vehicles, e.g. {@code VEICULOS}, {@code FROTA}
 */
public record ObjectNatureRules(
    List<String> worksTerms,
    List<String> worksExclusions,
    List<String> maintenanceTerms,
    List<String> vehicleTerms)
    implements Serializable {

  public static final String WORKS_TERMS = "works_terms";
  public static final String WORKS_EXCLUSIONS = "works_exclusions";
  public static final String MAINTENANCE_TERMS = "maintenance_terms";
  public static final String VEHICLE_TERMS = "vehicle_terms";

  public ObjectNatureRules {
    worksTerms = List.copyOf(worksTerms);
    worksExclusions = List.copyOf(worksExclusions);
    maintenanceTerms = List.copyOf(maintenanceTerms);
    vehicleTerms = List.copyOf(vehicleTerms);
  }

  /**
   * The rules a detector's threshold row sets in its {@code works_terms}, {@code works_exclusions},
   * {@code maintenance_terms} and {@code vehicle_terms} parameters (comma-separated).
   */
  public static ObjectNatureRules fromThreshold(DetectorThreshold row) {
    return new ObjectNatureRules(
        ObjectText.terms(row.textParameter(WORKS_TERMS)),
        ObjectText.terms(row.textParameter(WORKS_EXCLUSIONS)),
        ObjectText.terms(row.textParameter(MAINTENANCE_TERMS)),
        ObjectText.terms(row.textParameter(VEHICLE_TERMS)));
  }

  /** The nature of an object text, and the term that decided it (null for the default). */
  public Classification classify(String objectText) {
    String folded = ObjectText.fold(objectText);
    Optional<String> works =
        ObjectText.firstTerm(ObjectText.without(folded, worksExclusions), worksTerms);
    if (works.isPresent()) {
      return new Classification(ObjectNature.WORKS_OR_ENGINEERING, works.get());
    }
    Optional<String> maintenance = ObjectText.firstTerm(folded, maintenanceTerms);
    Optional<String> vehicle = ObjectText.firstTerm(folded, vehicleTerms);
    if (maintenance.isPresent() && vehicle.isPresent()) {
      return new Classification(
          ObjectNature.VEHICLE_MAINTENANCE, maintenance.get() + " + " + vehicle.get());
    }
    return new Classification(ObjectNature.PURCHASES_AND_SERVICES, null);
  }

  /**
   * A classified object.
   *
   * @param nature what the object is
   * @param term the words that decided it, or null for purchases and services
   */
  public record Classification(ObjectNature nature, String term) implements Serializable {}
}
