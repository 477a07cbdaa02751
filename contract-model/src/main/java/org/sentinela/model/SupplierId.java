package org.sentinela.model;

import java.util.Objects;

/**
 * A supplier identifier as published, with its kind and whether its check digits are valid.
 *
 * <p>Invalid CPF/CNPJ numbers are kept (the publisher's text is evidence) but marked invalid.
 */
public record SupplierId(String value, SupplierKind kind, boolean valid) {

  private static final String CLASSIFIED_CODE = "-11";

  public SupplierId {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(kind, "kind");
  }

  /**
   * Classifies a raw supplier code such as {@code 22934158000171}, {@code -11} or {@code
   * EX1134806}.
   */
  public static SupplierId classify(String raw) {
    String code = raw == null ? "" : raw.strip();
    if (code.equals(CLASSIFIED_CODE)) {
      return new SupplierId(code, SupplierKind.CLASSIFIED, true);
    }
    String upper = code.toUpperCase(java.util.Locale.ROOT);
    if (upper.startsWith("EX") || upper.startsWith("ESTRANG")) {
      return new SupplierId(code, SupplierKind.FOREIGN, true);
    }
    String digits = stripPunctuation(code);
    if (isDigits(digits) && digits.length() == 14) {
      return new SupplierId(digits, SupplierKind.CNPJ, isValidCnpj(digits));
    }
    if (isDigits(digits) && digits.length() == 11) {
      return new SupplierId(digits, SupplierKind.CPF, isValidCpf(digits));
    }
    return new SupplierId(code, SupplierKind.OTHER, false);
  }

  /**
   * The identifier as it may be shown in public: a CPF becomes {@code ***.456.789-**} (the masking
   * pattern of the Portal da Transparência); every other kind is shown as is.
   */
  public String publicForm() {
    return kind == SupplierKind.CPF ? maskCpf(value) : value;
  }

  /**
   * Masks an 11-digit CPF as {@code ***.ddd.ddd-**}; anything that is not 11 digits after removing
   * punctuation is masked entirely, so an unexpected shape never leaks.
   */
  public static String maskCpf(String cpf) {
    String digits = stripPunctuation(cpf == null ? "" : cpf);
    if (digits.length() != 11 || !isDigits(digits)) {
      return "***********";
    }
    return "***." + digits.substring(3, 6) + "." + digits.substring(6, 9) + "-**";
  }

  /** True if the 11 digits carry valid CPF check digits (and are not all one digit). */
  public static boolean isValidCpf(String digits) {
    if (digits.length() != 11 || !isDigits(digits) || allSame(digits)) {
      return false;
    }
    return checkDigit(digits, 9, 10) == digits.charAt(9) - '0'
        && checkDigit(digits, 10, 11) == digits.charAt(10) - '0';
  }

  /** True if the 14 digits carry valid CNPJ check digits (and are not all one digit). */
  public static boolean isValidCnpj(String digits) {
    if (digits.length() != 14 || !isDigits(digits) || allSame(digits)) {
      return false;
    }
    int[] first = {5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2};
    int[] second = {6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2};
    return cnpjDigit(digits, first) == digits.charAt(12) - '0'
        && cnpjDigit(digits, second) == digits.charAt(13) - '0';
  }

  private static int checkDigit(String digits, int length, int firstWeight) {
    int sum = 0;
    for (int i = 0; i < length; i++) {
      sum += (digits.charAt(i) - '0') * (firstWeight - i);
    }
    int rest = (sum * 10) % 11;
    return rest == 10 ? 0 : rest;
  }

  private static int cnpjDigit(String digits, int[] weights) {
    int sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += (digits.charAt(i) - '0') * weights[i];
    }
    int rest = sum % 11;
    return rest < 2 ? 0 : 11 - rest;
  }

  private static String stripPunctuation(String code) {
    StringBuilder out = new StringBuilder(code.length());
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c != '.' && c != '-' && c != '/' && c != ' ') {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isDigits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean allSame(String s) {
    for (int i = 1; i < s.length(); i++) {
      if (s.charAt(i) != s.charAt(0)) {
        return false;
      }
    }
    return true;
  }
}
