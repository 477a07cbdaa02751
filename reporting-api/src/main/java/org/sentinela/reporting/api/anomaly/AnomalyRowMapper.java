package org.sentinela.reporting.api.anomaly;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.sentinela.model.SupplierId;
import org.sentinela.model.SupplierKind;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** Maps a {@code current_anomalies} row to its public view, masking a person's CPF. */
@Component
class AnomalyRowMapper implements RowMapper<AnomalyView> {

  /** The columns {@link #mapRow} reads. */
  static final String COLUMNS =
      "anomaly_id, detector, score, severity, p_value, q_value, threshold, threshold_version, contract_number,"
          + " superior_organ_code, superior_organ_name, organ_code, organ_name, unit_code,"
          + " unit_name, buyer_uf, buyer_municipality_ibge, supplier_id, supplier_kind,"
          + " supplier_name, modality, object_text, signature_date, publication_date,"
          + " initial_value, final_value, evidence, explanation, first_seen_at, last_seen_at";

  private final ObjectMapper json;

  AnomalyRowMapper(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public AnomalyView mapRow(ResultSet rs, int rowNum) throws SQLException {
    String supplierId = rs.getString("supplier_id");
    String supplierKind = rs.getString("supplier_kind");
    CpfRedaction redaction = CpfRedaction.forSupplier(supplierId, supplierKind);
    String shownSupplierId =
        SupplierKind.CPF.name().equals(supplierKind) ? SupplierId.maskCpf(supplierId) : supplierId;
    return new AnomalyView(
        rs.getString("anomaly_id"),
        rs.getString("detector"),
        rs.getDouble("score"),
        rs.getString("severity"),
        rs.getObject("p_value", Double.class),
        rs.getObject("q_value", Double.class),
        rs.getBigDecimal("threshold"),
        rs.getInt("threshold_version"),
        rs.getString("contract_number"),
        new AnomalyView.Buyer(
            rs.getString("superior_organ_code"),
            rs.getString("superior_organ_name"),
            rs.getString("organ_code"),
            rs.getString("organ_name"),
            rs.getString("unit_code"),
            rs.getString("unit_name"),
            rs.getString("buyer_uf"),
            rs.getString("buyer_municipality_ibge")),
        new AnomalyView.Supplier(shownSupplierId, supplierKind, rs.getString("supplier_name")),
        rs.getString("modality"),
        redaction.text(rs.getString("object_text")),
        rs.getObject("signature_date", LocalDate.class),
        rs.getObject("publication_date", LocalDate.class),
        decimal(rs.getBigDecimal("initial_value")),
        decimal(rs.getBigDecimal("final_value")),
        redaction.text(rs.getString("explanation")),
        evidence(rs.getString("evidence"), redaction),
        instant(rs.getObject("first_seen_at", OffsetDateTime.class)),
        instant(rs.getObject("last_seen_at", OffsetDateTime.class)));
  }

  /**
   * The stored evidence as JSON text: PostgreSQL's jsonb text passes through untouched, unless the
   * supplier is a person, whose CPF is then masked in a parsed copy.
   */
  private String evidence(String text, CpfRedaction redaction) throws SQLException {
    if (text == null || redaction.isNoOp()) {
      return text;
    }
    try {
      return json.writeValueAsString(redaction.json(json.readTree(text)));
    } catch (JsonProcessingException e) {
      throw new SQLException("anomalies.evidence is not JSON", e);
    }
  }

  private static String decimal(BigDecimal value) {
    return value == null ? null : value.toPlainString();
  }

  private static Instant instant(OffsetDateTime value) {
    return value == null ? null : value.toInstant();
  }
}
