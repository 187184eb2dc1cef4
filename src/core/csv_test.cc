#include "core/csv.h"

#include <gtest/gtest.h>

namespace probity {
namespace {

TEST(Csv, QuotesEveryFieldAndDoublesInnerQuotes) {
  EXPECT_EQ(CsvField("plain"), "\"plain\"");
  EXPECT_EQ(CsvField("say \"no\""), "\"say \"\"no\"\"\"");
  EXPECT_EQ(CsvField(""), "\"\"");
}

TEST(Csv, KeepsCommasAndLineBreaksInsideOneField) {
  EXPECT_EQ(CsvField("a,b\r\nc"), "\"a,b\r\nc\"");
}

TEST(Csv, ALineEndsInCrlf) { EXPECT_EQ(CsvLine({"crn", "count"}), "\"crn\",\"count\"\r\n"); }

TEST(Csv, AFormulaIsDefusedButANegativeNumberIsNot) {
  EXPECT_EQ(CsvField("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
  EXPECT_EQ(CsvField("@SUM(A1)"), "\"'@SUM(A1)\"");
  EXPECT_EQ(CsvField("-12.5"), "\"-12.5\"");
}

}  // namespace
}  // namespace probity
