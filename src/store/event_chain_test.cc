#include "store/event_chain.h"

#include <gtest/gtest.h>

namespace probity::store {
namespace {

EventRow Row(int64_t seq, const std::string& prev) {
  EventRow r{seq,
             "2026-11-23T10:00:00.000000Z",
             "staff:1",
             std::nullopt,
             "X123456",
             "contact.added",
             "{\"n\":" + std::to_string(seq) + "}",
             prev,
             ""};
  r.hash = ChainHash(r);
  return r;
}

std::vector<EventRow> Chain(int n) {
  std::vector<EventRow> rows;
  std::string prev = GenesisHash();
  for (int i = 1; i <= n; ++i) {
    rows.push_back(Row(i, prev));
    prev = rows.back().hash;
  }
  return rows;
}

ChainVerifier Verify(const std::vector<EventRow>& rows) {
  ChainVerifier v;
  for (const auto& r : rows)
    if (!v.Feed(r)) break;
  return v;
}

TEST(ChainHash, IsLowerCaseHexOf32Bytes) {
  const auto h = Row(1, GenesisHash()).hash;
  EXPECT_EQ(h.size(), 64u);
  EXPECT_EQ(h.find_first_not_of("0123456789abcdef"), std::string::npos);
}

TEST(ChainHash, IsStableForTheFrozenFormat) {
  // If this changes, every stored chain breaks: the encoding is frozen (docs/event-log-format.md).
  // The expected value was computed independently from that document with Python's hashlib.
  EXPECT_EQ(Row(1, GenesisHash()).hash,
            "6516d8a2a1cdafa4117dca398bcfeb6d9a5f1b0a7a390797d234e86f544c697f");
}

TEST(ChainHash, ChangesWithEveryField) {
  const EventRow base = Row(1, GenesisHash());
  const auto differs = [&](auto mutate) {
    EventRow r = base;
    mutate(r);
    return ChainHash(r) != base.hash;
  };
  EXPECT_TRUE(differs([](EventRow& r) { r.seq = 2; }));
  EXPECT_TRUE(differs([](EventRow& r) { r.recorded_at = "2026-11-23T10:00:00.000001Z"; }));
  EXPECT_TRUE(differs([](EventRow& r) { r.actor = "staff:2"; }));
  EXPECT_TRUE(differs([](EventRow& r) { r.instructed_by = "staff:1"; }));
  EXPECT_TRUE(differs([](EventRow& r) { r.instructed_by = ""; }));
  EXPECT_TRUE(differs([](EventRow& r) { r.subject = "X123457"; }));
  EXPECT_TRUE(differs([](EventRow& r) { r.kind = "contact.amended"; }));
  EXPECT_TRUE(differs([](EventRow& r) { r.payload = "{\"n\":2}"; }));
  EXPECT_TRUE(differs([](EventRow& r) { r.prev_hash = std::string(64, '1'); }));
}

TEST(CanonicalEncoding, FieldBoundariesCannotBeShifted) {
  EventRow a = Row(1, GenesisHash()), b = a;
  a.actor = "staff:1";
  a.subject = "X";
  b.actor = "staff:1X";
  b.subject = "";
  EXPECT_NE(CanonicalEncoding(a), CanonicalEncoding(b));
}

TEST(ChainVerifier, AcceptsAnIntactChainAndReportsItsHead) {
  const auto rows = Chain(4);
  const auto v = Verify(rows);
  EXPECT_EQ(v.fault(), ChainVerifier::Fault::kNone);
  EXPECT_EQ(v.count(), 4);
  EXPECT_EQ(v.head_hash(), rows.back().hash);
}

TEST(ChainVerifier, AnEmptyLogHasTheGenesisHead) {
  ChainVerifier v;
  EXPECT_EQ(v.count(), 0);
  EXPECT_EQ(v.head_hash(), GenesisHash());
}

TEST(ChainVerifier, NamesTheFirstBrokenSeq) {
  const struct {
    const char* why;
    std::function<void(std::vector<EventRow>&)> tamper;
    ChainVerifier::Fault fault;
    int64_t seq;
  } cases[] = {
      {"payload edited", [](auto& r) { r[2].payload = "{}"; }, ChainVerifier::Fault::kHashMismatch,
       3},
      {"hash rewritten to match an edit",
       [](auto& r) {
         r[1].payload = "{}";
         r[1].hash = ChainHash(r[1]);
       },
       ChainVerifier::Fault::kPrevHashMismatch, 3},
      {"row deleted", [](auto& r) { r.erase(r.begin() + 1); }, ChainVerifier::Fault::kSeqGap, 2},
      {"first row deleted", [](auto& r) { r.erase(r.begin()); }, ChainVerifier::Fault::kSeqGap, 1},
      {"rows swapped, seqs kept",
       [](auto& r) {
         std::swap(r[1], r[2]);
         std::swap(r[1].seq, r[2].seq);
       },
       ChainVerifier::Fault::kPrevHashMismatch, 2},
      {"row duplicated", [](auto& r) { r.insert(r.begin() + 2, r[1]); },
       ChainVerifier::Fault::kSeqGap, 2},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    auto rows = Chain(5);
    c.tamper(rows);
    const auto v = Verify(rows);
    EXPECT_EQ(v.fault(), c.fault);
    EXPECT_EQ(v.broken_seq(), c.seq);
    EXPECT_NE(v.Describe().find("seq " + std::to_string(c.seq)), std::string::npos);
  }
}

}  // namespace
}  // namespace probity::store
