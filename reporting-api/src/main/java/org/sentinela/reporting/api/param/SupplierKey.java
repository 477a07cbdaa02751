package org.sentinela.reporting.api.param;

import java.util.Set;
import java.util.regex.Pattern;
import org.sentinela.model.SupplierId;
import org.sentinela.model.SupplierKind;
import org.sentinela.reporting.api.problem.InvalidParameterException;

/**
 * A supplier id as a request gives it, normalised the way the pipeline stores it ({@link
 * SupplierId#classify}): a CNPJ (14 digits) or CPF (11 digits), with or without punctuation, the
 * classified-supplier code {@code -11}, or a foreign supplier code ({@code EX…}). {@link #shown} is
 * the form a response may show: a CPF masked.
 */
public record SupplierKey(String id, SupplierKind kind) {

  private static final Set<SupplierKind> ACCEPTED =
      Set.of(SupplierKind.CNPJ, SupplierKind.CPF, SupplierKind.CLASSIFIED, SupplierKind.FOREIGN);
  private static final int MAX_LENGTH = 64;
  private static final Pattern PRINTABLE = Pattern.compile("[\\p{L}\\p{N} ./_-]+");
  static final String RULE =
      "must be a CNPJ (14 digits), a CPF (11 digits), -11 (classified) or a foreign supplier code"
          + " (EX…)";

  /**
   * Parses a supplier id.
   *
   * @param parameter the parameter's name, for the error
   * @throws InvalidParameterException for anything else
   */
  public static SupplierKey parse(String parameter, String raw) {
    if (raw == null) {
      return null;
    }
    if (raw.length() > MAX_LENGTH || raw.isBlank() || !PRINTABLE.matcher(raw).matches()) {
      throw new InvalidParameterException(parameter, raw, RULE);
    }
    SupplierId classified = SupplierId.classify(raw);
    if (!ACCEPTED.contains(classified.kind())) {
      throw new InvalidParameterException(parameter, raw, RULE);
    }
    return new SupplierKey(classified.value(), classified.kind());
  }

  /** The id as a response may show it. */
  public String shown() {
    return kind == SupplierKind.CPF ? SupplierId.maskCpf(id) : id;
  }
}
