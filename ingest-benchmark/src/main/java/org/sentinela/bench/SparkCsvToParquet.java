package org.sentinela.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.year;

import java.nio.file.Path;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The benchmark's peer: Spark's own CSV reader on the Portal files, with an explicit typed schema
 * (Latin-1, {@code ;}, quoted fields, {@code DD/MM/YYYY} dates, decimal-comma money as
 * decimal(18,4)), written as Snappy Parquet partitioned by signature year and month like the lake.
 *
 * <p>{@code --input DIR --output DIR}; runs on {@code local[2]} and prints {@code rows=N
 * seconds=S}: the rows written and the time of the conversion alone (session start-up excluded).
 */
public final class SparkCsvToParquet {

  /** The 24 Portal columns in file order, typed. */
  public static final StructType PORTAL_SCHEMA =
      new StructType()
          .add("numero_contrato", DataTypes.StringType)
          .add("objeto", DataTypes.StringType)
          .add("fundamento_legal", DataTypes.StringType)
          .add("modalidade_compra", DataTypes.StringType)
          .add("situacao_contrato", DataTypes.StringType)
          .add("codigo_orgao_superior", DataTypes.StringType)
          .add("nome_orgao_superior", DataTypes.StringType)
          .add("codigo_orgao", DataTypes.StringType)
          .add("nome_orgao", DataTypes.StringType)
          .add("codigo_ug", DataTypes.StringType)
          .add("nome_ug", DataTypes.StringType)
          .add("data_assinatura", DataTypes.DateType)
          .add("data_publicacao_dou", DataTypes.DateType)
          .add("data_inicio_vigencia", DataTypes.DateType)
          .add("data_fim_vigencia", DataTypes.DateType)
          .add("codigo_contratado", DataTypes.StringType)
          .add("nome_contratado", DataTypes.StringType)
          .add("valor_inicial", money())
          .add("valor_final", money())
          .add("numero_licitacao", DataTypes.StringType)
          .add("codigo_ug_licitacao", DataTypes.StringType)
          .add("nome_ug_licitacao", DataTypes.StringType)
          .add("codigo_modalidade_licitacao", DataTypes.StringType)
          .add("modalidade_licitacao", DataTypes.StringType);

  private SparkCsvToParquet() {}

  public static void main(String[] args) {
    if (args.length != 4 || !args[0].equals("--input") || !args[2].equals("--output")) {
      System.err.println("usage: SparkCsvToParquet --input DIR --output DIR");
      System.exit(2);
    }
    SparkSession spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("sentinela-ingest-benchmark")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.sql.shuffle.partitions", "2")
            .getOrCreate();
    long start = System.nanoTime();
    convert(spark, Path.of(args[1]), Path.of(args[3]));
    double seconds = (System.nanoTime() - start) / 1e9;
    long rows = spark.read().parquet(args[3]).count();
    spark.stop();
    System.out.printf(java.util.Locale.ROOT, "rows=%d seconds=%.3f%n", rows, seconds);
  }

  /** Reads every {@code *_Compras.csv} of {@code input} and writes {@code output} as Parquet. */
  public static void convert(SparkSession spark, Path input, Path output) {
    spark
        .read()
        .schema(PORTAL_SCHEMA)
        .option("header", "true")
        .option("sep", ";")
        .option("quote", "\"")
        .option("escape", "\"")
        .option("encoding", "ISO-8859-1")
        .option("dateFormat", "dd/MM/yyyy")
        // Without a Brazilian locale, "153170,0400" reads as 1531700400: the comma is grouping.
        .option("locale", "pt-BR")
        .csv(input.resolve("*_Compras.csv").toString())
        .withColumn("sign_year", year(col("data_assinatura")))
        .withColumn("sign_month", month(col("data_assinatura")))
        .write()
        .mode(SaveMode.Overwrite)
        .partitionBy("sign_year", "sign_month")
        .parquet(output.toString());
  }

  private static DataType money() {
    return DataTypes.createDecimalType(18, 4);
  }
}
