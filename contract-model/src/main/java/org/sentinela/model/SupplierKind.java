package org.sentinela.model;

/** What a supplier identifier is, as far as its text tells. */
public enum SupplierKind {
  /** A company: 14-digit CNPJ. Public data. */
  CNPJ,
  /** An individual: 11-digit CPF. Personal data, masked in anything public. */
  CPF,
  /** Withheld by the publisher ("Sigiloso", code {@code -11}). */
  CLASSIFIED,
  /** A foreign supplier ({@code EX…}, {@code ESTRANGEIRO…}). */
  FOREIGN,
  /** Anything else: internal unit codes, junk, empty. */
  OTHER
}
