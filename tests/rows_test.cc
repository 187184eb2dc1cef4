// store::Rows on both backends: every row in order, none, parameters by position and by name,
// stopping early, NULLs, and a bad query failing loudly rather than reading nothing.
#include "store/rows.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "db_fixture.h"
#include "store/bind.h"
#include "store/row.h"

namespace probity {
namespace {

class RowsTest : public testing::DbTest {
 protected:
  void SetUp() override {
    DbTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    db_ = Open();
    auto tx = db_->BeginWrite();
    tx.sql() << "CREATE TABLE rows_probe (id INTEGER PRIMARY KEY, grp INTEGER NOT NULL, label "
                "TEXT)";
    for (int i = 1; i <= 250; ++i) {
      const long long id = i, grp = i % 3;
      const std::string label = "row " + std::to_string(i);
      store::NullableText text(i % 10 == 0 ? std::nullopt : std::optional<std::string>(label));
      tx.sql() << "INSERT INTO rows_probe (id, grp, label) VALUES (:i, :g, :l)", soci::use(id),
          soci::use(grp), store::Use(text);
    }
    tx.Commit();
  }

  std::unique_ptr<store::Db> db_;
};

TEST_P(RowsTest, ReadsEveryRowInOrderBindingByPosition) {
  auto tx = db_->BeginRead();
  const long long grp = 1;
  std::vector<int64_t> ids;
  store::Rows(tx).Use(grp).Read("SELECT id FROM rows_probe WHERE grp = :g ORDER BY id DESC",
                                [&](const soci::row& r) { ids.push_back(store::GetInt(r, 0)); });
  ASSERT_EQ(ids.size(), 84u);  // 1, 4, ..., 250
  EXPECT_EQ(ids.front(), 250);
  EXPECT_EQ(ids.back(), 1);
}

TEST_P(RowsTest, BindsByNameAndReadsNulls) {
  auto tx = db_->BeginRead();
  const long long low = 9, high = 11;
  const std::string from = "lo", to = "hi";
  std::vector<std::optional<std::string>> labels;
  store::Rows(tx).Use(high, to).Use(low, from).Read(
      "SELECT label FROM rows_probe WHERE id >= :lo AND id <= :hi ORDER BY id",
      [&](const soci::row& r) { labels.push_back(store::GetOptionalText(r, 0)); });
  EXPECT_EQ(labels, (std::vector<std::optional<std::string>>{"row 9", std::nullopt, "row 11"}));
}

TEST_P(RowsTest, ReadsNothingWhenNoRowMatches) {
  auto tx = db_->BeginRead();
  const long long grp = 7;
  int calls = 0;
  store::Rows(tx).Use(grp).Read("SELECT id FROM rows_probe WHERE grp = :g",
                                [&](const soci::row&) { ++calls; });
  EXPECT_EQ(calls, 0);
}

TEST_P(RowsTest, StopsWhenTheCallbackSaysSo) {
  auto tx = db_->BeginRead();
  std::vector<int64_t> ids;
  store::Rows(tx).Read("SELECT id FROM rows_probe ORDER BY id", [&](const soci::row& r) {
    if (ids.size() == 5) return false;
    ids.push_back(store::GetInt(r, 0));
    return true;
  });
  EXPECT_EQ(ids, (std::vector<int64_t>{1, 2, 3, 4, 5}));
  // The transaction is still usable afterwards.
  int count = 0;
  tx.sql() << "SELECT COUNT(*) FROM rows_probe", soci::into(count);
  EXPECT_EQ(count, 250);
}

TEST_P(RowsTest, ABadQueryThrows) {
  auto tx = db_->BeginRead();
  EXPECT_THROW(store::Rows(tx).Read("SELECT nothing FROM no_such_table", [](const soci::row&) {}),
               soci::soci_error);
}

PROBITY_ON_BOTH_BACKENDS(RowsTest);

}  // namespace
}  // namespace probity
