package org.sentinela.model;

/** The public sources Sentinela reads contract records (and contract amendments) from. */
public enum RecordSource {
  /** CGU Portal da Transparência monthly {@code AAAAMM_Compras.csv}. */
  PORTAL_COMPRAS,
  /** PNCP (Portal Nacional de Contratações Públicas) contratos JSON. */
  PNCP,
  /** Contratos.gov.br API JSON. */
  CONTRATOS_GOV_BR,
  /**
   * CGU Portal da Transparência monthly {@code AAAAMM_TermoAditivo.csv}: contract amendments,
   * stored in the amendments table, never as contracts.
   */
  PORTAL_TERMO_ADITIVO
}
