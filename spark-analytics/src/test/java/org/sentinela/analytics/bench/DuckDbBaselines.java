package org.sentinela.analytics.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.sentinela.analytics.baseline.SegmentLevel;
import org.sentinela.analytics.lake.ContractSnapshot;
import org.sentinela.model.MacroRegion;
import org.sentinela.model.RegionResolution;

/**
 * The benchmark's peer: the night's baseline stage as DuckDB SQL on the same Parquet snapshot. The
 * current version of each contract, its value and ln(value) ({@code current_contracts}); per
 * segment of the five levels n, median, MAD and p01/p25/p75/p99 of ln(value) ({@code
 * duck_baselines}, exact {@code quantile_disc}); every scored contract with its five segments'
 * statistics joined back ({@code duck_profiles}). Each step is materialised as a table.
 */
final class DuckDbBaselines {

  private final Connection duck;

  /**
   * @param duck an open DuckDB connection, its thread count already set
   */
  DuckDbBaselines(Connection duck) {
    this.duck = duck;
  }

  /** Reads the snapshot's Parquet files and keeps the current version of each contract. */
  long loadCurrentContracts(Path snapshot) throws SQLException {
    String files = snapshot.toAbsolutePath().resolve("**").resolve("*.parquet").toString();
    String columns = String.join(", ", ContractSnapshot.REQUIRED_COLUMNS);
    execute(
        "create or replace table current_contracts as"
            + " select *, ln(value_used::double) as log_value from ("
            + "  select "
            + columns
            + ",   case when final_value > 0 then final_value"
            + "        when initial_value > 0 then initial_value end as value_used"
            + "  from read_parquet('"
            + files.replace("'", "''")
            + "', hive_partitioning = true)"
            + "  qualify row_number() over (partition by natural_key"
            + "    order by publication_date desc nulls last, source_file desc,"
            + "    source_record desc, ingest_run_id desc) = 1)");
    return count("current_contracts");
  }

  /** Computes the segment statistics and joins them back to every scored contract. */
  long baselinesJoinedBack() throws SQLException {
    StringJoiner members = new StringJoiner(" union all ");
    for (SegmentLevel level : SegmentLevel.values()) {
      members.add(
          "select '"
              + level.name()
              + "' as level, "
              + segmentKey(level, "c")
              + " as segment_key, "
              + (uf(level) ? "c.buyer_uf" : "null::varchar")
              + " as buyer_uf, "
              + (level == SegmentLevel.NATIONAL ? "null::varchar" : "c.modality")
              + " as modality, "
              + (level == SegmentLevel.UF_MODALITY_ORGAN
                  ? "c.superior_organ_code"
                  : "null::varchar")
              + " as superior_organ_code, c.log_value from current_contracts c"
              + " where c.log_value is not null");
    }
    execute(
        "create or replace table duck_baselines as"
            + " with members as ("
            + members
            + "), distribution as ("
            + "  select level, segment_key, buyer_uf, modality, superior_organ_code,"
            + "   count(*) as contracts,"
            + "   quantile_disc(log_value, [0.01, 0.25, 0.5, 0.75, 0.99]) as q"
            + "  from members group by all"
            + "), deviation as ("
            + "  select m.level, m.segment_key,"
            + "   quantile_disc(abs(m.log_value - d.q[3]), 0.5) as mad_log_value"
            + "  from members m join distribution d using (level, segment_key)"
            + "  group by all"
            + ") select d.level, d.segment_key, d.buyer_uf, d.modality, d.superior_organ_code,"
            + "  d.contracts, d.q[3] as median_log_value, v.mad_log_value, d.q[1] as p01_log_value,"
            + "  d.q[2] as p25_log_value, d.q[4] as p75_log_value, d.q[5] as p99_log_value"
            + " from distribution d join deviation v using (level, segment_key)");
    StringBuilder select = new StringBuilder("create or replace table duck_profiles as select c.*");
    StringBuilder joins = new StringBuilder(" from current_contracts c");
    int i = 0;
    for (SegmentLevel level : SegmentLevel.values()) {
      String b = "b" + i++;
      for (String stat :
          List.of(
              "segment_key", "contracts", "median_log_value", "mad_log_value", "p99_log_value")) {
        select.append(", ").append(b).append('.').append(stat).append(" as ").append(b);
        select.append('_').append(stat);
      }
      joins
          .append(" left join duck_baselines ")
          .append(b)
          .append(" on ")
          .append(b)
          .append(".level = '")
          .append(level.name())
          .append("' and ")
          .append(b)
          .append(".segment_key = ")
          .append(segmentKey(level, "c"));
    }
    execute(select + joins.toString() + " where c.log_value is not null");
    return count("duck_profiles");
  }

  /** The segment statistics DuckDB computed: level|segment_key → contracts, median, MAD. */
  Map<String, double[]> baselines() throws SQLException {
    Map<String, double[]> stats = new TreeMap<>();
    try (Statement s = duck.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select level, segment_key, contracts, median_log_value, mad_log_value,"
                    + " p99_log_value from duck_baselines")) {
      while (rs.next()) {
        stats.put(
            rs.getString(1) + "|" + rs.getString(2),
            new double[] {rs.getLong(3), rs.getDouble(4), rs.getDouble(5), rs.getDouble(6)});
      }
    }
    return stats;
  }

  /** The segment key of the contract aliased {@code c}, as {@link SegmentLevel#segmentKey}. */
  static String segmentKey(SegmentLevel level, String c) {
    return switch (level) {
      case UF_MODALITY_ORGAN ->
          "'uf=' || "
              + c
              + ".buyer_uf || '|modality=' || "
              + c
              + ".modality || '|organ=' || coalesce("
              + c
              + ".superior_organ_code, '"
              + SegmentLevel.NO_ORGAN
              + "')";
      case UF_MODALITY -> "'uf=' || " + c + ".buyer_uf || '|modality=' || " + c + ".modality";
      case MACRO_MODALITY ->
          "'macro=' || " + macroRegion(c) + " || '|modality=' || " + c + ".modality";
      case MODALITY -> "'modality=' || " + c + ".modality";
      case NATIONAL -> "'national'";
    };
  }

  private static boolean uf(SegmentLevel level) {
    return level == SegmentLevel.UF_MODALITY_ORGAN || level == SegmentLevel.UF_MODALITY;
  }

  /** {@link MacroRegion#of} as a CASE over the 27 UFs. */
  private static String macroRegion(String c) {
    Map<String, List<String>> ufsByRegion = new TreeMap<>();
    for (char first = 'A'; first <= 'Z'; first++) {
      for (char second = 'A'; second <= 'Z'; second++) {
        String code = "" + first + second;
        if (MacroRegion.isUf(code)) {
          ufsByRegion.computeIfAbsent(MacroRegion.of(code), r -> new ArrayList<>()).add(code);
        }
      }
    }
    StringBuilder sql = new StringBuilder("(case");
    ufsByRegion.forEach(
        (region, ufs) ->
            sql.append(" when ")
                .append(c)
                .append(".buyer_uf in ('")
                .append(String.join("', '", ufs))
                .append("') then '")
                .append(region)
                .append('\''));
    return sql.append(" else '").append(RegionResolution.NATIONAL).append("' end)").toString();
  }

  private void execute(String sql) throws SQLException {
    try (Statement s = duck.createStatement()) {
      s.execute(sql);
    }
  }

  private long count(String table) throws SQLException {
    try (Statement s = duck.createStatement();
        ResultSet rs = s.executeQuery("select count(*) from " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
