package org.sentinela.model;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Procurement modality on one vocabulary covering Lei 8.666/93 and Lei 14.133/2021 names. The
 * publisher's raw text is always kept next to it.
 */
public enum Modality {
  PREGAO,
  PREGAO_REGISTRO_PRECO,
  CONCORRENCIA,
  CONCORRENCIA_REGISTRO_PRECO,
  CONCORRENCIA_INTERNACIONAL,
  TOMADA_DE_PRECOS,
  CONVITE,
  CONCURSO,
  LEILAO,
  DIALOGO_COMPETITIVO,
  DISPENSA,
  INEXIGIBILIDADE,
  /** The publisher says it has no information ("Sem Informação"). */
  NOT_INFORMED,
  /** Text that matches none of the above. */
  OTHER;

  /** Normalises a publisher's modality text, e.g. {@code "Pregão - Registro de Preço"}. */
  public static Modality normalise(String raw) {
    if (raw == null || raw.isBlank()) {
      return NOT_INFORMED;
    }
    String t = fold(raw);
    boolean priceRegistry = t.contains("REGISTRO DE PRECO") || t.contains("SRP");
    if (t.contains("SEM INFORMACAO") || t.equals("NAO SE APLICA")) {
      return NOT_INFORMED;
    }
    if (t.contains("PREGAO")) {
      return priceRegistry ? PREGAO_REGISTRO_PRECO : PREGAO;
    }
    if (t.contains("CONCORRENCIA")) {
      if (t.contains("INTERNACIONAL")) {
        return CONCORRENCIA_INTERNACIONAL;
      }
      return priceRegistry ? CONCORRENCIA_REGISTRO_PRECO : CONCORRENCIA;
    }
    if (t.contains("DISPENSA")) {
      return DISPENSA;
    }
    if (t.contains("INEXIGIBILIDADE") || t.contains("INEXIGIVEL")) {
      return INEXIGIBILIDADE;
    }
    if (t.contains("TOMADA DE PRECO")) {
      return TOMADA_DE_PRECOS;
    }
    if (t.contains("CONVITE")) {
      return CONVITE;
    }
    if (t.contains("CONCURSO")) {
      return CONCURSO;
    }
    if (t.contains("LEILAO")) {
      return LEILAO;
    }
    if (t.contains("DIALOGO COMPETITIVO")) {
      return DIALOGO_COMPETITIVO;
    }
    return OTHER;
  }

  /** Upper case, no accents, single spaces. */
  static String fold(String text) {
    String noAccents = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    return noAccents.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
  }
}
