package org.sentinela.reporting.api.profile;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.sentinela.model.SupplierId;
import org.sentinela.model.SupplierKind;
import org.sentinela.reporting.api.param.SupplierKey;
import org.sentinela.reporting.api.run.PublishedRun;
import org.sentinela.reporting.api.run.PublishedRuns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Summaries of one supplier's or one buyer unit's flags in the latest published run, read in one
 * snapshot so every part describes the same run.
 */
@Repository
class FlagProfiles {

  static final int TOP_FLAGS = 10;

  /** Whose flags a profile sums up: the anomalies column it selects on. */
  private enum Subject {
    SUPPLIER("supplier_id"),
    BUYER("unit_code");

    final String column;

    Subject(String column) {
      this.column = column;
    }
  }

  private final JdbcClient jdbc;
  private final PublishedRuns runs;
  private final TransactionTemplate snapshot;

  FlagProfiles(JdbcClient jdbc, PublishedRuns runs, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.runs = runs;
    this.snapshot = new TransactionTemplate(transactionManager);
    this.snapshot.setReadOnly(true);
    this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
  }

  /** The supplier's profile; empty when nothing is published or it has no flag in that run. */
  Optional<SupplierProfile> supplier(SupplierKey supplier) {
    return snapshot.execute(status -> supplierInSnapshot(supplier));
  }

  /** The buyer unit's profile; empty when nothing is published or it has no flag in that run. */
  Optional<BuyerProfile> buyer(String unitCode) {
    return snapshot.execute(status -> buyerInSnapshot(unitCode));
  }

  private Optional<SupplierProfile> supplierInSnapshot(SupplierKey supplier) {
    Optional<PublishedRun> run = runs.latest();
    Optional<Aggregate> aggregate = run.flatMap(r -> aggregate(Subject.SUPPLIER, r, supplier.id()));
    if (aggregate.isEmpty()) {
      return Optional.empty();
    }
    Aggregate a = aggregate.get();
    boolean person =
        supplier.kind() == SupplierKind.CPF || SupplierKind.CPF.name().equals(a.supplierKind());
    return Optional.of(
        new SupplierProfile(
            run.get(),
            new FlagBrief.Supplier(
                person ? SupplierId.maskCpf(supplier.id()) : supplier.id(),
                a.supplierKind(),
                a.supplierName()),
            a.buyerUnits(),
            a.totals(),
            byDetector(Subject.SUPPLIER, run.get(), supplier.id()),
            topFlags(Subject.SUPPLIER, run.get(), supplier.id())));
  }

  private Optional<BuyerProfile> buyerInSnapshot(String unitCode) {
    Optional<PublishedRun> run = runs.latest();
    Optional<Aggregate> aggregate = run.flatMap(r -> aggregate(Subject.BUYER, r, unitCode));
    if (aggregate.isEmpty()) {
      return Optional.empty();
    }
    Aggregate a = aggregate.get();
    return Optional.of(
        new BuyerProfile(
            run.get(),
            a.buyer(),
            a.suppliers(),
            a.totals(),
            byDetector(Subject.BUYER, run.get(), unitCode),
            topFlags(Subject.BUYER, run.get(), unitCode)));
  }

  /** Everything a profile sums up over the subject's flags, in one pass. */
  private record Aggregate(
      FlagTotals totals,
      long buyerUnits,
      long suppliers,
      String supplierKind,
      String supplierName,
      BuyerProfile.Buyer buyer) {}

  private Optional<Aggregate> aggregate(Subject subject, PublishedRun run, String key) {
    String where = " from anomalies where run_id = :run and " + subject.column + " = :key";
    return jdbc.sql(
            "select count(*) as flags,"
                + " count(*) filter (where severity = 'LOW') as low,"
                + " count(*) filter (where severity = 'MEDIUM') as medium,"
                + " count(*) filter (where severity = 'HIGH') as high,"
                + " max(score) as max_score, sum(score) as score_sum,"
                + " count(distinct natural_key) as flagged_contracts,"
                + " (select coalesce(sum(final_value), 0) from (select distinct on (natural_key)"
                + " final_value"
                + where
                + " order by natural_key, anomaly_id) contracts) as flagged_value,"
                + " count(distinct unit_code) as buyer_units,"
                + " count(distinct supplier_id) as suppliers,"
                + " mode() within group (order by supplier_kind) as supplier_kind,"
                + " mode() within group (order by supplier_name) as supplier_name,"
                + " mode() within group (order by unit_name) as unit_name,"
                + " mode() within group (order by organ_code) as organ_code,"
                + " mode() within group (order by organ_name) as organ_name,"
                + " mode() within group (order by superior_organ_code) as superior_organ_code,"
                + " mode() within group (order by superior_organ_name) as superior_organ_name,"
                + " mode() within group (order by buyer_uf) as buyer_uf,"
                + " mode() within group (order by buyer_municipality_ibge) as municipality"
                + where)
        .param("run", run.runId())
        .param("key", key)
        .query((rs, n) -> aggregate(rs, key))
        .optional()
        .filter(a -> a.totals().flags() > 0);
  }

  private static Aggregate aggregate(ResultSet rs, String key) throws SQLException {
    return new Aggregate(
        new FlagTotals(
            rs.getLong("flags"),
            rs.getLong("low"),
            rs.getLong("medium"),
            rs.getLong("high"),
            rs.getDouble("max_score"),
            rs.getDouble("score_sum"),
            rs.getLong("flagged_contracts"),
            decimal(rs.getBigDecimal("flagged_value"))),
        rs.getLong("buyer_units"),
        rs.getLong("suppliers"),
        rs.getString("supplier_kind"),
        rs.getString("supplier_name"),
        new BuyerProfile.Buyer(
            key,
            rs.getString("unit_name"),
            rs.getString("organ_code"),
            rs.getString("organ_name"),
            rs.getString("superior_organ_code"),
            rs.getString("superior_organ_name"),
            rs.getString("buyer_uf"),
            rs.getString("municipality")));
  }

  private List<DetectorCounts> byDetector(Subject subject, PublishedRun run, String key) {
    return jdbc.sql(
            "select detector, count(*) as flags,"
                + " count(*) filter (where severity = 'LOW') as low,"
                + " count(*) filter (where severity = 'MEDIUM') as medium,"
                + " count(*) filter (where severity = 'HIGH') as high"
                + " from anomalies where run_id = :run and "
                + subject.column
                + " = :key group by detector order by flags desc, detector")
        .param("run", run.runId())
        .param("key", key)
        .query(
            (rs, n) ->
                new DetectorCounts(
                    rs.getString("detector"),
                    rs.getLong("flags"),
                    rs.getLong("low"),
                    rs.getLong("medium"),
                    rs.getLong("high")))
        .list();
  }

  private List<FlagBrief> topFlags(Subject subject, PublishedRun run, String key) {
    return jdbc.sql(
            "select anomaly_id, detector, score, severity, contract_number, signature_date,"
                + " final_value, unit_code, unit_name, buyer_uf, supplier_id, supplier_kind,"
                + " supplier_name from anomalies where run_id = :run and "
                + subject.column
                + " = :key order by score desc, anomaly_id limit :top")
        .param("run", run.runId())
        .param("key", key)
        .param("top", TOP_FLAGS)
        .query(
            (rs, n) ->
                new FlagBrief(
                    rs.getString("anomaly_id"),
                    rs.getString("detector"),
                    rs.getDouble("score"),
                    rs.getString("severity"),
                    rs.getString("contract_number"),
                    rs.getObject("signature_date", LocalDate.class),
                    decimal(rs.getBigDecimal("final_value")),
                    new FlagBrief.Unit(
                        rs.getString("unit_code"),
                        rs.getString("unit_name"),
                        rs.getString("buyer_uf")),
                    new FlagBrief.Supplier(
                        shownSupplierId(rs.getString("supplier_id"), rs.getString("supplier_kind")),
                        rs.getString("supplier_kind"),
                        rs.getString("supplier_name"))))
        .list();
  }

  private static String shownSupplierId(String supplierId, String supplierKind) {
    return SupplierKind.CPF.name().equals(supplierKind)
        ? SupplierId.maskCpf(supplierId)
        : supplierId;
  }

  private static String decimal(BigDecimal value) {
    return value == null ? null : value.toPlainString();
  }
}
